import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';
import { ProjectArgs } from '../../identity/dto/api-token.args';

@ArgsType()
export class AddLocaleArgs extends ProjectArgs {
  @Field(() => String, { description: 'BCP 47 code, e.g. "de" or "pt-BR"' })
  @IsString()
  @Length(2, 35, { message: 'code must be a BCP 47 code such as "de" or "pt-BR"' })
  code!: string;
}
