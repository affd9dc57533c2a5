import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';

@InputType('StartThreadInput')
export class StartThreadInput {
  @Field(() => ID)
  @IsUUID()
  stringId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The locale to discuss; omit to ask the developers about the source text.',
  })
  @IsOptional()
  @IsString()
  @Length(0, 35)
  locale?: string | null;

  /** Its length is checked by the service (COMMENT_INVALID says how long it may be). */
  @Field(() => String, {
    description: 'The question or first comment: plain text, 1–2000 characters.',
  })
  @IsString()
  body!: string;
}
