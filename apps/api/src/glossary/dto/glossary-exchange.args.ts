import { ArgsType, Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsDefined, IsIn } from 'class-validator';
import { ProjectArgs } from '../../identity/dto/api-token.args';
import { UploadScalar } from '../../catalogue/upload/upload.scalar';
import type { UploadedFile } from '../../catalogue/upload/uploaded-file';
import type { GlossaryFormat } from '../glossary-exchange.service';

export const GLOSSARY_FORMAT_ENUM = { CSV: 'CSV', TBX: 'TBX' } as const;
registerEnumType(GLOSSARY_FORMAT_ENUM, {
  name: 'GlossaryFormat',
  description:
    'CSV (term, description, partOfSpeech, caseSensitive, doNotTranslate, <locale>…) or TBX',
});

@ArgsType()
export class GlossaryExportArgs extends ProjectArgs {
  @Field(() => GLOSSARY_FORMAT_ENUM)
  @IsIn(['CSV', 'TBX'])
  format!: GlossaryFormat;
}

@ArgsType()
export class ImportGlossaryArgs extends GlossaryExportArgs {
  @Field(() => UploadScalar)
  @IsDefined({ message: 'file is required' })
  file!: UploadedFile;
}

@ObjectType('GlossaryImportResult')
export class GlossaryImportResultModel {
  @Field(() => Int)
  created!: number;

  @Field(() => Int, {
    description: 'Existing terms whose description, part of speech or flags were set',
  })
  updated!: number;

  @Field(() => Int, {
    description: 'Translations added as candidates (decided where nothing else had won)',
  })
  translations!: number;

  @Field(() => [String], {
    description:
      'Locales of the file the project lacks or you may not import; their translations were left out',
  })
  skippedLocales!: string[];
}
