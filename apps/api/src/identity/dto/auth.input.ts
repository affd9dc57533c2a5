import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, Matches, MaxLength } from 'class-validator';

/**
 * No C0/C1 controls and no bidi embedding, override or isolate characters (U+202A–U+202E,
 * U+2066–U+2069): they let a name reorder the text around it ("Trojan Source" spoofing).
 */
const SAFE_DISPLAY_NAME = /^[^\p{Cc}\u202A-\u202E\u2066-\u2069]*$/u;

@InputType()
export class SignUpInput {
  @Field(() => String)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  /** Strength (length 12–128, not common, not the email) is checked by password-policy.ts. */
  @Field(() => String)
  @IsString()
  @MaxLength(1_024)
  password!: string;

  @Field(() => String)
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 80, {
    message: 'displayName must be 1 to 80 characters (spaces around it do not count)',
  })
  @Matches(SAFE_DISPLAY_NAME, {
    message: 'displayName must not contain control or bidirectional override characters',
  })
  displayName!: string;
}

@InputType()
export class SignInInput {
  @Field(() => String)
  @IsString()
  @MaxLength(254)
  email!: string;

  @Field(() => String)
  @IsString()
  @MaxLength(1_024)
  password!: string;
}
