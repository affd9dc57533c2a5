import {
  ACTIVITY_WINDOW_MS,
  communityOf,
  type Community,
  type CommunityMember,
  type VotingParams,
} from '@chorus/voting';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ReadCache } from '../common/cache/read-cache';
import { preparedQuery } from '../database/prepared-query';
import { startState, type StartedState } from './unit-transition';
import type { LoadedUnit } from './unit-state.repository';
import { activeInLocaleSql } from '../translation/votes-needed';
import { voterReputationSql } from './voter-reputation.sql';

/** How long a locale's community is reused: it moves by days, and a close batch asks per unit. */
export const COMMUNITY_TTL_MS = 60_000;
/** Locales kept in memory per process; the oldest is dropped beyond this. */
const MAX_CACHED = 500;

export interface CommunityKey {
  readonly projectId: string;
  readonly localeId: string;
  readonly localeCode: string;
}

/**
 * People active in a project+locale over the activity window (a vote, or a community
 * translation), with account age, voter reputation in the locale and their uncleared collusion
 * partners. Each branch walks the locale's units (translation_unit by project and
 * locale) and their votes or translations through the unit indexes, limited to the window.
 */
const MEMBERS_SQL = `
WITH ${activeInLocaleSql('$4')}
SELECT u.id, u.created_at, COALESCE(r.agree, 0)::float8 AS agree,
       COALESCE(r.disagree, 0)::float8 AS disagree,
       ARRAY(SELECT CASE WHEN c.user_a = u.id THEN c.user_b ELSE c.user_a END
               FROM collusion_pair c WHERE c.cleared_at IS NULL
                AND (c.user_a = u.id OR c.user_b = u.id) ORDER BY 1)::text[] AS partners
  FROM active a JOIN "user" u ON u.id = a.user_id
  CROSS JOIN LATERAL (${voterReputationSql('u.id', '$3')}) r
 WHERE u.banned_at IS NULL`;

interface MemberRow {
  id: string;
  created_at: Date;
  agree: number;
  disagree: number;
  /** Uncleared collusion partners (empty: not flagged). */
  partners: string[];
}

/**
 * The decision-time community of a project+locale (libs/voting `Community`): what scales quorum
 * and minimum votes, makes weights relative to the locale's typical voter and discounts flagged
 * accounts. Read inside the caller's transaction, cached briefly per process.
 */
@Injectable()
export class CommunityService {
  // No gate: the read runs inside the caller's transaction (a wait there would hold its connection).
  private readonly cache = new ReadCache<Community>({
    ttlMs: COMMUNITY_TTL_MS,
    maxEntries: MAX_CACHED,
  });

  /**
   * A loaded unit's started state (unit-transition's `startState`) with its locale's community
   * (issue 17): thresholds scale with the people active there, weights are relative to its typical
   * voter, flagged accounts are discounted.
   */
  async startWithCommunity(
    manager: EntityManager,
    loaded: LoadedUnit,
    now: number,
  ): Promise<StartedState> {
    const start = startState(loaded, now);
    const { projectId, localeId, localeCode } = loaded.context;
    const community = await this.communityOf(
      manager,
      { projectId, localeId, localeCode },
      loaded.params,
      now,
    );
    return { state: { ...start.state, community }, effects: start.effects };
  }

  /**
   * Concurrent close batches that miss together share one read (it walks the locale); `now` is
   * injected, so a clock that jumps (tests, replays) either way refreshes the entry.
   */
  async communityOf(
    manager: EntityManager,
    key: CommunityKey,
    params: VotingParams,
    now: number,
  ): Promise<Community> {
    return this.cache.get(`${key.projectId}:${key.localeId}`, now, () =>
      this.load(manager, key, params, now),
    );
  }

  private async load(
    manager: EntityManager,
    key: CommunityKey,
    params: VotingParams,
    now: number,
  ): Promise<Community> {
    const rows = await preparedQuery<MemberRow>(manager, MEMBERS_SQL, [
      key.projectId,
      key.localeId,
      key.localeCode,
      new Date(now - ACTIVITY_WINDOW_MS),
    ]);
    const members: CommunityMember[] = rows.map((r) => ({
      userId: r.id,
      accountCreatedAt: r.created_at.getTime(),
      agree: r.agree,
      disagree: r.disagree,
    }));
    // Flagged accounts with their partners: their votes are suspect in units a partner wrote in.
    return communityOf(
      members,
      [],
      now,
      params,
      rows.flatMap((r) => r.partners.map((p) => [r.id, p] as const)),
    );
  }

  /** Forget every cached locale (an abuse scan changed the flags, a test reset the data). */
  clear(): void {
    this.cache.clear();
  }
}
