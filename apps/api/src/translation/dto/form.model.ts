import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@ObjectType('Form', {
  description: 'One form of a string: category "" for simple strings, else a CLDR plural category.',
})
export class FormModel {
  @Field(() => String)
  category!: string;

  @Field(() => String)
  text!: string;
}

@InputType('FormInput')
export class FormInput {
  @Field(() => String)
  @IsString()
  @MaxLength(16)
  category!: string;

  @Field(() => String)
  @IsString()
  @MaxLength(10_000)
  text!: string;
}

@ObjectType('PluralForm', {
  description: 'A form the target locale needs, with sample numbers ("2–4, 22–24, 32–34, …").',
})
export class PluralFormModel {
  @Field(() => String)
  category!: string;

  @Field(() => String)
  examples!: string;
}

@ObjectType('Finding', { description: 'A check result from translation-core.' })
export class FindingModel {
  @Field(() => String)
  code!: string;

  @Field(() => String, { description: 'error (makes the candidate ineligible) or warning' })
  severity!: string;

  @Field(() => String, { description: 'The form it concerns ("" for simple strings)' })
  form!: string;

  @Field(() => String)
  message!: string;
}
