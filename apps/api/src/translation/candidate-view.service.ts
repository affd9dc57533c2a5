import { Inject, Injectable } from '@nestjs/common';
import { ReadCache } from '../common/cache/read-cache';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env.schema';
import { AggregateLoads } from './aggregate-loads';
import { scoreOf, type VoteValue } from '@chorus/voting';
import { DataSource } from 'typeorm';
import { toUserModel } from '../identity/user.mapper';
import { RoundEntity } from '../voting/round.entity';
import type { CandidateListModel, TallyModel } from './dto/candidate.model';
import type { RoundModel } from './dto/round.model';
import { toCandidateModel } from './candidate.mapper';
import { toRoundModel } from './round.mapper';
import {
  candidateListRows,
  type CandidateRow,
  type ScopedRound,
  type VoteRow,
} from './candidate-rows.sql';
import { GenericPlanPool } from '../database/generic-plan-pool';
import { StringScopeService } from './string-scope.service';
import { votingParamsOf } from '../catalogue/voting-settings';
import { activeMembersOf, votesNeeded } from './votes-needed';

/** What listOf needs to know about a unit, its string and its project. */
export interface UnitFacts {
  readonly unitId: string;
  readonly stringId: string;
  readonly localeCode: string;
  /** The string's current source hash: candidates for an older one are not eligible. */
  readonly sourceHash: string;
  readonly roundId: string | null;
  /** The project's z, for tallies when the unit has no round yet. */
  readonly z: number;
}

function emptyList(unit: Pick<UnitFacts, 'stringId' | 'localeCode'>) {
  return {
    stringId: unit.stringId,
    locale: unit.localeCode,
    hasVoted: false,
    candidates: [],
    votesNeeded: null,
  };
}

/** Project+locales whose active-member count each API process keeps. */
const CACHED_LOCALES = 1_000;

/**
 * The candidates of one string in one locale as one viewer may see them (blind voting): authors
 * and tallies stay hidden until the viewer has voted on one of the string's candidates in this
 * locale, except on the viewer's own candidates and for the locale's managers. Shared with the
 * voting context, whose mutations return these models.
 */
@Injectable()
export class CandidateViewService {
  /**
   * A locale's active members, for the "votes needed" hint. Counting them walks the locale's votes
   * of the activity window: on every vote answered with the list (the web client's), that was 4–5 ms
   * of Postgres per vote at 20k votes in W2, growing with the locale's history. The count moves by
   * days; each process reuses it for STATS_CACHE_MS, concurrent misses share one read, and at most
   * AggregateLoads count at once.
   */
  private readonly activeMembers: ReadCache<number>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: StringScopeService,
    private readonly genericPlans: GenericPlanPool,
    gate: AggregateLoads,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.activeMembers = new ReadCache({
      ttlMs: config.statsCacheMs,
      maxEntries: CACHED_LOCALES,
      gate,
    });
  }

  /**
   * Throws STRING_NOT_FOUND when the string does not exist or the viewer may not read its
   * project, UNKNOWN_LOCALE when the project has no such locale.
   */
  async candidateList(
    stringId: string,
    localeCode: string,
    viewerId: string | null,
  ): Promise<CandidateListModel> {
    const { project, string, locale, unit, memberships } = await this.scope.string(
      stringId,
      localeCode,
      viewerId,
    );
    const facts = {
      stringId: string.id,
      localeCode: locale.code,
      sourceHash: string.sourceHash,
      z: votingParamsOf(project.settings).z,
    };
    if (unit === null) return { ...emptyList(facts), round: null };
    const manager = await this.scope.isManager(project, viewerId, locale.code, memberships);
    return this.listOf(
      { ...facts, unitId: unit.id, roundId: unit.currentRoundId },
      viewerId,
      manager,
    );
  }

  /**
   * The list for a unit the caller has just changed through the voting context, which has already
   * authorised them and knows the unit, its round and whether they manage the locale: one
   * statement (round, candidates with their authors, and votes) instead of the lookups above.
   */
  async listOf(
    unit: UnitFacts,
    viewerId: string | null,
    manager: boolean,
  ): Promise<CandidateListModel> {
    const {
      round: scoped,
      candidates: all,
      votes,
    } = await candidateListRows(this.genericPlans, unit.unitId, unit.roundId);
    // Others' withdrawn, rejected and outdated candidates are history only managers need; a
    // candidate a moderator hid is shown to managers only, not even to its author.
    const shown = all.filter(
      (t) =>
        manager ||
        (t.hiddenAt === null &&
          (t.status === 'active' || (viewerId !== null && t.authorId === viewerId))),
    );
    const round = scoped?.round ?? null;
    const hasVoted = viewerId !== null && votes.some((v) => v.voter_id === viewerId);
    const z = round?.params['z'] ?? unit.z;

    const candidates = shown.map((t) => {
      const revealed = hasVoted || manager || t.authorId === viewerId;
      const mine = votes.find((v) => v.translation_id === t.id && v.voter_id === viewerId);
      return toCandidateModel(t, {
        sourceHash: unit.sourceHash,
        viewerId,
        myVote: mine === undefined ? null : mine.value,
        author: revealed && t.author !== null ? toUserModel(t.author) : null,
        tally: revealed ? tallyOf(t, votes, z) : null,
      });
    });
    return {
      ...emptyList(unit),
      hasVoted,
      candidates,
      round: round === null ? null : toRoundModel(round),
      votesNeeded:
        (hasVoted || manager) && scoped !== null && scoped.round.state === 'COLLECTING'
          ? await this.votesNeededIn(scoped, shown, votes)
          : null,
    };
  }

  private async votesNeededIn(
    { round, projectId, localeId }: ScopedRound,
    shown: readonly CandidateRow[],
    votes: readonly VoteRow[],
  ): Promise<number> {
    const now = Date.now();
    const params = { ...votingParamsOf(null), ...round.params };
    const active = new Map(
      shown.filter((t) => t.status === 'active').map((t) => [t.id, t.authorId]),
    );
    const counted = votes
      .filter(
        (v) =>
          active.has(v.translation_id) &&
          !v.banned &&
          v.weight > 0 &&
          v.voter_id !== active.get(v.translation_id),
      )
      .map((v) => ({ candidateId: v.translation_id, voterId: v.voter_id, value: v.value }));
    const authors = shown
      .filter((t) => t.status === 'active' && t.blockingErrors.length === 0)
      .map((t) => ({
        candidateId: t.id,
        authorId: t.authorId,
        endorses: t.origin === 'community' && t.author?.bannedAt == null,
      }));
    const members = await this.activeMembers.get(`${projectId}:${localeId}`, now, () =>
      activeMembersOf(this.dataSource, projectId, localeId, now),
    );
    return votesNeeded(params, members, counted, now, authors);
  }

  /** Maps a round row (with its stored decision, if closed) to the GraphQL model. */
  roundModel(round: RoundEntity): RoundModel {
    return toRoundModel(round);
  }
}

/** C2: counted votes only (voter not banned, not the author, weight > 0). */
function tallyOf(
  candidate: Pick<CandidateRow, 'id' | 'authorId'>,
  votes: readonly VoteRow[],
  z: number,
): TallyModel {
  const counted = votes
    .filter(
      (v) =>
        v.translation_id === candidate.id &&
        !v.banned &&
        v.voter_id !== candidate.authorId &&
        v.weight > 0,
    )
    .map((v) => ({ value: (v.value === 1 ? 1 : -1) as VoteValue, weight: v.weight }));
  const s = scoreOf(counted, z);
  return {
    wPlus: s.wPlus,
    wMinus: s.wMinus,
    upvoters: s.upvoters,
    downvoters: s.downvoters,
    score: s.score,
    upperBound: s.upperBound,
  };
}
