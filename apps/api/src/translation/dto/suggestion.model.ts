import { Field, Float, ObjectType } from '@nestjs/graphql';
import { FormModel } from './form.model';

@ObjectType('Suggestion', {
  description: 'Translation memory: the decided translation of a similar source text.',
})
export class SuggestionModel {
  @Field(() => String)
  sourceText!: string;

  @Field(() => [FormModel])
  forms!: FormModel[];

  @Field(() => Float, { description: 'pg_trgm similarity of the source texts, 0..1' })
  similarity!: number;
}
