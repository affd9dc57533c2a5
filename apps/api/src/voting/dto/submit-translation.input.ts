import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsString,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';
import { FormInput } from '../../translation/dto/form.model';

@InputType()
export class SubmitTranslationInput {
  @Field(() => ID)
  @IsUUID()
  stringId!: string;

  @Field(() => String, { description: 'Target locale (BCP 47), e.g. "pl"' })
  @IsString()
  @Length(2, 35)
  locale!: string;

  @Field(() => [FormInput], {
    description: 'One entry per plural form the locale needs; category "" for simple strings',
  })
  @ValidateNested({ each: true })
  @Type(() => FormInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  forms!: FormInput[];
}
