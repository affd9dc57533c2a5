import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { StringScreenshotModel } from '../../screenshot/dto/string-screenshot.model';
import { CandidateModel } from './candidate.model';
import { FormModel, PluralFormModel } from './form.model';
import { RoundModel } from './round.model';
import { UnitStatus } from './translation-enums';

@ObjectType('TranslatableString', {
  description: 'One source string seen from one target locale.',
})
export class TranslatableStringModel {
  @Field(() => ID, { description: 'The source string id' })
  id!: string;

  @Field(() => String)
  namespace!: string;

  @Field(() => String)
  key!: string;

  @Field(() => String, { description: 'simple, plural, ordinal or array-element' })
  kind!: string;

  @Field(() => String, { nullable: true, description: 'The i18next context value, if any' })
  context!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => Int, { nullable: true })
  maxLength!: number | null;

  @Field(() => [FormModel])
  sourceForms!: FormModel[];

  @Field(() => String)
  sourceHash!: string;

  @Field(() => [PluralFormModel], {
    description: 'Forms the target locale needs (one entry with category "" for simple strings)',
  })
  requiredForms!: PluralFormModel[];

  @Field(() => String)
  locale!: string;

  @Field(() => UnitStatus)
  status!: UnitStatus;

  @Field(() => CandidateModel, {
    nullable: true,
    description: 'The shipped candidate (null when there is none or it is stale)',
  })
  winner!: CandidateModel | null;

  @Field(() => RoundModel, { nullable: true })
  round!: RoundModel | null;

  @Field(() => [String], {
    description:
      'Required plural forms the shipped winner lacks (an imported partial group): add them to complete it',
  })
  missingForms!: string[];

  @Field(() => Int, { description: 'Active candidates for the current source text' })
  candidateCount!: number;

  @Field(() => Boolean)
  locked!: boolean;

  /**
   * Read with the string (one query per page) when the operation selects it; absent otherwise.
   * A plain field, not a resolver per string: graphql-js then resolves a page's strings
   * synchronously, where an async field resolver cost ~1 ms of API CPU per 50-string page.
   */
  @Field(() => [StringScreenshotModel], {
    description: 'Newest in-context screenshots showing this key (at most 3), newest first',
  })
  screenshots?: StringScreenshotModel[];
}

@ObjectType('StringEdge')
export class StringEdgeModel {
  @Field(() => String)
  cursor!: string;

  @Field(() => TranslatableStringModel)
  node!: TranslatableStringModel;
}

@ObjectType('PageInfo')
export class PageInfoModel {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType('StringConnection')
export class StringConnectionModel {
  @Field(() => [StringEdgeModel])
  edges!: StringEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;

  @Field(() => Int, {
    description:
      'Strings matching the filter and search, on all pages (each API process reuses a total for STATS_CACHE_MS)',
  })
  totalCount!: number;
}
