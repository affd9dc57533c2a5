import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

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

  @Field(() => [ImportWarningModel])
  warnings!: ImportWarningModel[];
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
