import { Args, ID, Info, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { mayAskFor } from '../common/graphql-selection/selection';
import { commonError } from '../common/errors/common.errors';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import { Public } from '../common/auth/public.decorator';
import type { Principal } from '../common/auth/request-context';
import { RateLimited } from '../common/rate-limit/rate-limited.decorator';
import { CandidateViewService } from './candidate-view.service';
import { CandidateListModel } from './dto/candidate.model';
import { SuggestionModel } from './dto/suggestion.model';
import { StringConnectionModel, TranslatableStringModel } from './dto/translatable-string.model';
import { StringFilter } from './dto/translation-enums';
import {
  nextStringArgsProblems,
  StringByIdArgs,
  StringByKeyArgs,
  StringLocaleArgs,
  StringsArgs,
} from './dto/translation-query.args';
import { pageReadsOf, readsOf } from './model-reads';
import { StringListService } from './string-list.service';
import { StringQueueService } from './string-queue.service';
import { TranslatableStringService } from './translatable-string.service';
import { TranslationMemoryService } from './translation-memory.service';
import { READ_BUDGET } from '../common/rate-limit/read-budget';

/** Reading strings and candidates; public projects are readable without a session. */
@Resolver()
export class TranslationResolver {
  constructor(
    private readonly list: StringListService,
    private readonly translatable: TranslatableStringService,
    private readonly queue: StringQueueService,
    private readonly view: CandidateViewService,
    private readonly memory: TranslationMemoryService,
  ) {}

  @Public()
  @RateLimited('reads')
  @Query(() => StringConnectionModel, {
    description: `Live strings of a project in one locale, in catalogue order. ${READ_BUDGET}`,
  })
  async strings(
    @Args() args: StringsArgs,
    @CurrentPrincipal() principal: Principal | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<StringConnectionModel> {
    // totalCount counts every matching string: only for a client that asks for it.
    return this.list.list(args, principal?.userId ?? null, {
      total: mayAskFor(info, 'totalCount'),
      reads: pageReadsOf(info),
    });
  }

  @Public()
  @RateLimited('reads')
  @Query(() => TranslatableStringModel, {
    name: 'string',
    description: `One live string by id. ${READ_BUDGET}`,
  })
  async stringById(
    @Args() args: StringByIdArgs,
    @CurrentPrincipal() principal: Principal | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TranslatableStringModel> {
    return this.translatable.byId(args.id, args.locale, principal?.userId ?? null, readsOf(info));
  }

  @Public()
  @RateLimited('reads')
  @Query(() => TranslatableStringModel, {
    description: `One live string by the namespace and key an i18next app passes to t() (in-context translation). ${READ_BUDGET}`,
  })
  async stringByKey(
    @Args() args: StringByKeyArgs,
    @CurrentPrincipal() principal: Principal | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TranslatableStringModel> {
    return this.translatable.byKey(args, principal?.userId ?? null, readsOf(info));
  }

  @Query(() => TranslatableStringModel, {
    nullable: true,
    description:
      'The next string for you to work on, leased to you for 10 minutes so no other volunteer gets it; null when nothing is left. At most RATE_LIMIT_CLAIMS calls per user per minute (RATE_LIMITED).',
  })
  @RateLimited('claims')
  async nextString(
    @Args('project', { type: () => String, description: 'Project slug' }) project: string,
    @Args('locale', {
      type: () => String,
      description: 'BCP 47 code of a target locale of the project',
    })
    locale: string,
    @Args('filter', { type: () => StringFilter, defaultValue: StringFilter.UNTRANSLATED })
    filter: StringFilter,
    @Args('skip', {
      type: () => [ID],
      nullable: true,
      description: 'Strings the volunteer skipped',
    })
    skip: string[] | null | undefined,
    @CurrentPrincipal() principal: Principal,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TranslatableStringModel | null> {
    // One by one, so the ValidationPipe passes them through (see nextStringArgsProblems).
    const problems = nextStringArgsProblems({ project, locale, skip });
    if (problems.length > 0) throw commonError('BAD_USER_INPUT', problems.join('; '));
    return this.queue.next(
      { project, locale, filter, skip: skip ?? [] },
      principal.userId,
      new Date(),
      readsOf(info),
    );
  }

  @Public()
  @RateLimited('reads')
  @Query(() => CandidateListModel, {
    description: `Candidates under blind voting: authors and tallies appear once you have voted. ${READ_BUDGET}`,
  })
  async candidates(
    @Args() args: StringLocaleArgs,
    @CurrentPrincipal() principal: Principal | null,
  ): Promise<CandidateListModel> {
    return this.view.candidateList(args.stringId, args.locale, principal?.userId ?? null);
  }

  @Public()
  @RateLimited('reads')
  @Query(() => [SuggestionModel], {
    description: `Translation memory: decided translations of similar source texts (top 5). ${READ_BUDGET}`,
  })
  async suggestions(
    @Args() args: StringLocaleArgs,
    @CurrentPrincipal() principal: Principal | null,
  ): Promise<SuggestionModel[]> {
    return this.memory.suggestions(args.stringId, args.locale, principal?.userId ?? null);
  }
}
