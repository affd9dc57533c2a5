import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsBoolean, IsDefined, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { ProjectArgs } from '../../identity/dto/api-token.args';
import type { ImportJsonFormat } from '../import-result';
import { JSON_FORMAT_ENUM } from './import.model';
import { UploadScalar } from '../upload/upload.scalar';
import type { UploadedFile } from '../upload/uploaded-file';

@ArgsType()
export class ImportCatalogueArgs extends ProjectArgs {
  @Field(() => String, { description: 'i18next namespace, e.g. "translation"' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
    message: 'namespace must be letters, digits, ".", "_" or "-" (up to 64)',
  })
  namespace!: string;

  @Field(() => String, {
    nullable: true,
    description: "Locale of the file; the project's source locale when omitted",
  })
  @IsOptional()
  @IsString()
  @Length(2, 35)
  locale?: string | null;

  @Field(() => UploadScalar)
  @IsDefined({ message: 'file is required' })
  file!: UploadedFile;

  @Field(() => Boolean, { nullable: true, description: 'Run as a background job' })
  @IsOptional()
  @IsBoolean()
  async?: boolean | null;

  @Field(() => JSON_FORMAT_ENUM, {
    nullable: true,
    description:
      'i18next JSON version of the file; detected when omitted (v3 when a `key_plural` sits beside `key` and no key ends in `_other`)',
  })
  @IsOptional()
  @IsIn(['v3', 'v4'])
  format?: ImportJsonFormat | null;
}

@ArgsType()
export class ImportJobArgs {
  @Field(() => ID)
  @Matches(/^import-[0-9a-f]{40}$/, { message: 'id must be an import job id' })
  id!: string;
}
