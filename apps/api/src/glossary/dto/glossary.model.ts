import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('GlossaryTerm', {
  description:
    'A term of the project glossary. Its translations are candidates of the string `stringId`: propose with submitTranslation, vote with castVote, approve with approveCandidate.',
})
export class GlossaryTermModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, {
    description: 'The string that carries the term translations and their rounds',
  })
  stringId!: string;

  @Field(() => String)
  term!: string;

  @Field(() => String)
  description!: string;

  @Field(() => String, { nullable: true })
  partOfSpeech!: string | null;

  @Field(() => Boolean)
  caseSensitive!: boolean;

  @Field(() => Boolean)
  doNotTranslate!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The approved translation in the requested locale (null: none decided yet)',
  })
  translation!: string | null;
}

@ObjectType('GlossaryHit', {
  description: 'A glossary term found in a source text, with its approved translation.',
})
export class GlossaryHitModel {
  @Field(() => GlossaryTermModel)
  term!: GlossaryTermModel;

  @Field(() => Int, { description: 'Start offset in the text (UTF-16 code units)' })
  start!: number;

  @Field(() => Int, { description: 'End offset, exclusive' })
  end!: number;

  @Field(() => String, { description: 'The text as found (may be an inflected form)' })
  text!: string;
}
