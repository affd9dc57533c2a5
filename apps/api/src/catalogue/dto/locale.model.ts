import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Locale', { description: 'A target language of a project.' })
export class LocaleModel {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Canonical BCP 47 code' })
  code!: string;

  @Field(() => [String], {
    description: 'Cardinal plural categories a translation must fill (pinned CLDR table)',
  })
  pluralCategories!: string[];

  @Field(() => Date)
  createdAt!: Date;
}
