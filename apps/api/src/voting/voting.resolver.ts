import { Args, ID, Info, Int, Mutation, Resolver, Subscription } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { selectsOnly } from '../common/graphql-selection/selection';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import { Public } from '../common/auth/public.decorator';
import { RateLimited } from '../common/rate-limit/rate-limited.decorator';
import type { Principal } from '../common/auth/request-context';
import { ProjectService } from '../catalogue/project.service';
import { CandidateViewService } from '../translation/candidate-view.service';
import { CandidateListModel, CandidateModel } from '../translation/dto/candidate.model';
import { RoundModel } from '../translation/dto/round.model';
import { TranslatableStringModel } from '../translation/dto/translatable-string.model';
import { readsOf } from '../translation/model-reads';
import { StringScopeService } from '../translation/string-scope.service';
import { TranslatableStringService } from '../translation/translatable-string.service';
import { RoundEventModel } from './dto/round-event.model';
import { SubmitResultModel } from './dto/submit-result.model';
import { SubmitTranslationInput } from './dto/submit-translation.input';
import { type StringUpdate, VotingQueryService } from './voting-query.service';
import { type UnitOutcome, VotingService } from './voting.service';

@Resolver()
export class VotingResolver {
  constructor(
    private readonly voting: VotingService,
    private readonly view: CandidateViewService,
    private readonly strings: TranslatableStringService,
    private readonly queries: VotingQueryService,
    private readonly projects: ProjectService,
    private readonly scope: StringScopeService,
  ) {}

  @RateLimited('submissions')
  @Mutation(() => SubmitResultModel, {
    description: 'Proposes a translation; check errors refuse it (CHECK_FAILED).',
  })
  async submitTranslation(
    @Args('input') input: SubmitTranslationInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SubmitResultModel> {
    const forms = Object.fromEntries(input.forms.map((f) => [f.category, f.text]));
    const outcome = await this.voting.submit(principal.userId, { ...input, forms }, Date.now());
    return {
      candidate: this.pick(await this.listAfter(outcome, principal.userId), outcome.candidateId),
      warnings: outcome.warnings.map((f) => ({
        code: f.code,
        severity: f.severity,
        form: f.form,
        message: f.message,
      })),
      mergedIntoExisting: outcome.mergedIntoExisting,
    };
  }

  @RateLimited('submissions')
  @Mutation(() => CandidateModel, {
    description: 'Withdraws your own candidate (to edit: withdraw, then resubmit).',
  })
  async withdrawTranslation(
    @Args('id', { type: () => ID }) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CandidateModel> {
    const outcome = await this.voting.withdraw(principal.userId, id, Date.now());
    return this.pick(await this.listAfter(outcome, principal.userId), id);
  }

  @RateLimited('votes', 'voteFlips')
  @Mutation(() => CandidateListModel, {
    description: 'Votes +1 or -1 on a candidate; voting again replaces your vote.',
  })
  async castVote(
    @Args('candidateId', { type: () => ID }) candidateId: string,
    @Args('value', { type: () => Int }) value: number,
    @CurrentPrincipal() principal: Principal,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CandidateListModel> {
    const { unit, actorManages } = await this.voting.vote(
      principal.userId,
      candidateId,
      value,
      Date.now(),
    );
    // A client that asks only whether it voted gets no candidate list read (one statement less).
    if (selectsOnly(info, SCALAR_ANSWER)) {
      return {
        stringId: unit.stringId,
        locale: unit.localeCode,
        hasVoted: true,
        candidates: [],
        round: null,
        votesNeeded: null,
      };
    }
    return this.view.listOf(unit, principal.userId, actorManages);
  }

  @RateLimited('votes', 'voteFlips')
  @Mutation(() => CandidateListModel)
  async retractVote(
    @Args('candidateId', { type: () => ID }) candidateId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CandidateListModel> {
    const outcome = await this.voting.retract(principal.userId, candidateId, Date.now());
    return this.listAfter(outcome, principal.userId);
  }

  @RateLimited('writes')
  @Mutation(() => RoundModel, {
    description: 'Language managers: decide this candidate now (logged with the reason).',
  })
  async approveCandidate(
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RoundModel> {
    const { state } = await this.voting.approve(principal.userId, id, reason, Date.now());
    const decided = state.publishedWinner?.roundId ?? state.round.id;
    return this.queries.roundModel(decided);
  }

  @RateLimited('writes')
  @Mutation(() => CandidateModel, {
    description: 'Language managers: reject a candidate (it counts as bad for reputation).',
  })
  async rejectCandidate(
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CandidateModel> {
    const outcome = await this.voting.reject(principal.userId, id, reason, Date.now());
    return this.pick(await this.listAfter(outcome, principal.userId), id);
  }

  @RateLimited('writes')
  @Mutation(() => TranslatableStringModel, {
    description: 'Language managers: stop (or allow again) candidates and votes on a string.',
  })
  async lockString(
    @Args('stringId', { type: () => ID }) stringId: string,
    @Args('locale') locale: string,
    @Args('locked') locked: boolean,
    @CurrentPrincipal() principal: Principal,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TranslatableStringModel> {
    await this.voting.lock(principal.userId, stringId, locale, locked, Date.now());
    return this.strings.byId(stringId, locale, principal.userId, readsOf(info));
  }

  @Public()
  @Subscription(() => RoundEventModel, {
    description: 'Rounds of this project and locale as they close.',
  })
  async roundDecided(
    @Args('project') project: string,
    @Args('locale') locale: string,
    @CurrentPrincipal() principal: Principal | null,
  ): Promise<AsyncIterableIterator<{ roundDecided: RoundEventModel }>> {
    const { id } = await this.projects.findVisible(project, principal?.userId ?? null);
    return this.queries.roundEvents(id, locale, principal?.userId ?? null);
  }

  @Public()
  @Subscription(() => TranslatableStringModel, {
    description:
      'A string changed in this locale (candidates, votes, rounds). Changes in quick succession may arrive as one message. Select only `id` to be told that it changed and read it yourself: the server then sends it without loading the string.',
  })
  async stringUpdated(
    @Args('stringId', { type: () => ID }) stringId: string,
    @Args('locale') locale: string,
    @CurrentPrincipal() principal: Principal | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<AsyncIterableIterator<{ stringUpdated: StringUpdate }>> {
    // The access check (STRING_NOT_FOUND, UNKNOWN_LOCALE) before anything is subscribed: the
    // string's scope alone, its model is loaded per change.
    await this.scope.string(stringId, locale, principal?.userId ?? null);
    return this.queries.stringEvents(stringId, locale, principal?.userId ?? null, {
      identityOnly: selectsOnly(info, IDENTITY),
    });
  }

  private pick(list: CandidateListModel, id: string): CandidateModel {
    const candidate = list.candidates.find((c) => c.id === id);
    if (candidate === undefined) throw new Error(`candidate ${id} missing from its own list`);
    return candidate;
  }

  /**
   * The candidate list as the actor sees it right after their change, from what the change loaded
   * and authorised: one statement, where reading it afresh (`candidateList`) re-resolved the
   * string, project, locale, unit and memberships through TypeORM first (eight).
   */
  private listAfter(outcome: UnitOutcome, viewerId: string): Promise<CandidateListModel> {
    const { context, state } = outcome;
    return this.view.listOf(
      {
        unitId: context.unitId,
        stringId: context.stringId,
        localeCode: context.localeCode,
        sourceHash: state.unit.sourceHash,
        roundId: state.round.id,
        z: state.params.z,
      },
      viewerId,
      outcome.actorManages ?? false,
    );
  }
}

/** Fields of the vote's answer known without reading the candidate list. */
const SCALAR_ANSWER = new Set(['stringId', 'locale', 'hasVoted', '__typename']);
/** A `stringUpdated` selection that needs no load of the string (the web client's). */
const IDENTITY = new Set(['id', '__typename']);
