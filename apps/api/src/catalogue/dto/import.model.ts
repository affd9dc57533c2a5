import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ImportJsonFormat } from '../import-result';

/** GraphQL enum of i18next JSON versions (values equal the REST `format` parameter). */
export const JSON_FORMAT_ENUM: { readonly [K in ImportJsonFormat]: K } = { v3: 'v3', v4: 'v4' };

registerEnumType(JSON_FORMAT_ENUM, {
  name: 'JsonFormat',
  description:
    'i18next JSON version: v3 (`_plural`, `_0`…`_5` suffixes) or v4 (CLDR `_one`, `_other`, …)',
});

@ObjectType('ImportWarning')
export class ImportWarningModel {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  message!: string;

  @Field(() => String, { nullable: true })
  key?: string;

  @Field(() => Int, { nullable: true })
  line?: number;
}

@ObjectType('ImportResult', {
  description: 'What one import did (see docs/api.md for each count).',
})
export class ImportResultModel {
  @Field(() => String)
  namespace!: string;

  @Field(() => String)
  locale!: string;

  @Field(() => String, { description: 'source or translations' })
  kind!: string;

  @Field(() => Int)
  added!: number;

  @Field(() => Int)
  changed!: number;

  @Field(() => Int)
  removed!: number;

  @Field(() => Int)
  unchanged!: number;

  @Field(() => Int)
  imported!: number;

  @Field(() => Int)
  skipped!: number;

  @Field(() => [ImportWarningModel], { description: 'The first 200 warnings, in file order' })
  warnings!: ImportWarningModel[];

  @Field(() => Int, { description: 'Every warning of the import; see warningsTruncated' })
  warningCount!: number;

  @Field(() => Boolean, { description: 'True when `warnings` stops short of warningCount' })
  warningsTruncated!: boolean;

  @Field(() => JSON_FORMAT_ENUM, { description: 'How the file was read (given or detected)' })
  jsonFormat!: ImportJsonFormat;
}

@ObjectType('ImportCataloguePayload', {
  description: 'result for an import done at once; jobId when it runs in the background',
})
export class ImportCataloguePayloadModel {
  @Field(() => ImportResultModel, { nullable: true })
  result!: ImportResultModel | null;

  @Field(() => ID, { nullable: true })
  jobId!: string | null;
}

@ObjectType('ImportJobError')
export class ImportJobErrorModel {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  message!: string;
}

@ObjectType('ImportJob')
export class ImportJobModel {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'waiting, active, completed or failed' })
  state!: string;

  @Field(() => Int, { description: '0-100' })
  progress!: number;

  @Field(() => ImportResultModel, { nullable: true })
  result!: ImportResultModel | null;

  @Field(() => ImportJobErrorModel, { nullable: true })
  error!: ImportJobErrorModel | null;
}
