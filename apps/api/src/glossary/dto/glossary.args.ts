import { ArgsType, Field, ID } from '@nestjs/graphql';
import { PARTS_OF_SPEECH } from '@chorus/translation-core';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { ProjectArgs } from '../../identity/dto/api-token.args';

@ArgsType()
export class GlossaryTermsArgs extends ProjectArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Locale whose approved translations to include; none when omitted',
  })
  @IsOptional()
  @IsString()
  @Length(2, 35)
  locale?: string | null;
}

@ArgsType()
export class GlossaryHitsArgs extends ProjectArgs {
  @Field(() => String, { description: 'Target locale: the translation shown for each hit' })
  @IsString()
  @Length(2, 35)
  locale!: string;

  @Field(() => String, { description: 'Source text to find terms in (up to 65,536 characters)' })
  @IsString()
  @Length(0, 65_536, { message: 'text must be at most 65,536 characters' })
  text!: string;
}

@ArgsType()
export class GlossaryTermFieldsArgs extends ProjectArgs {
  @Field(() => String, { nullable: true, description: 'Up to 2,000 characters, plain text' })
  @IsOptional()
  @IsString()
  @Length(0, 2000, { message: 'description must be at most 2,000 characters' })
  description?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `One of ${PARTS_OF_SPEECH.join(', ')}`,
  })
  @IsOptional()
  @IsIn([...PARTS_OF_SPEECH], {
    message: `partOfSpeech must be one of ${PARTS_OF_SPEECH.join(', ')}`,
  })
  partOfSpeech?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  caseSensitive?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Keep the term as written in every language',
  })
  @IsOptional()
  @IsBoolean()
  doNotTranslate?: boolean | null;
}

@ArgsType()
export class CreateGlossaryTermArgs extends GlossaryTermFieldsArgs {
  @Field(() => String, { description: 'The term in the source language (1 to 200 characters)' })
  @IsString()
  @Length(1, 200, { message: 'term must be 1 to 200 characters' })
  @Matches(/\S/u, { message: 'term must not be blank' })
  term!: string;
}

@ArgsType()
export class UpdateGlossaryTermArgs extends GlossaryTermFieldsArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a glossary term id' })
  id!: string;
}

@ArgsType()
export class DeleteGlossaryTermArgs extends ProjectArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a glossary term id' })
  id!: string;
}
