import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

@InputType()
export class CreateProjectInput {
  @Field(() => String, { description: 'URL name: lowercase letters, digits and dashes' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, {
    message:
      'slug must be 1-63 lowercase letters, digits or dashes, starting with a letter or digit',
  })
  slug!: string;

  @Field(() => String)
  @IsString()
  @Length(1, 120)
  name!: string;

  @Field(() => String, { defaultValue: 'en' })
  @IsString()
  @Length(2, 35)
  sourceLocale!: string;

  @Field(() => String, { defaultValue: 'public' })
  @IsOptional()
  @IsIn(['public', 'private'])
  visibility!: 'public' | 'private';
}
