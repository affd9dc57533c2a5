import {
  ACTIVITY_WINDOW_MS,
  communityOf,
  type Community,
  type CommunityMember,
  type VotingParams,
} from '@chorus/voting';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';

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
WITH units AS (SELECT id FROM translation_unit WHERE project_id = $1 AND locale_id = $2),
active AS (
  SELECT v.voter_id AS user_id FROM vote v WHERE v.unit_id IN (SELECT id FROM units) AND v.cast_at >= $4
  UNION
  SELECT t.author_id FROM translation t
   WHERE t.unit_id IN (SELECT id FROM units) AND t.origin = 'community' AND t.created_at >= $4)
SELECT u.id, u.created_at, COALESCE(r.agree, 0)::float8 AS agree,
       COALESCE(r.disagree, 0)::float8 AS disagree,
       ARRAY(SELECT CASE WHEN c.user_a = u.id THEN c.user_b ELSE c.user_a END
               FROM collusion_pair c WHERE c.cleared_at IS NULL
                AND (c.user_a = u.id OR c.user_b = u.id) ORDER BY 1)::text[] AS partners
  FROM active a JOIN "user" u ON u.id = a.user_id
  LEFT JOIN LATERAL (
    SELECT sum(l.agree) AS agree, sum(l.disagree) AS disagree FROM reputation_ledger l
     WHERE l.user_id = u.id AND l.locale = $3 AND l.kind = 'voter') r ON true
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
  private readonly cache = new Map<string, { at: number; community: Community }>();
  /** Reads in flight: concurrent close batches that miss together share one (it walks the locale). */
  private readonly loading = new Map<string, Promise<Community>>();

  async communityOf(
    manager: EntityManager,
    key: CommunityKey,
    params: VotingParams,
    now: number,
  ): Promise<Community> {
    const id = `${key.projectId}:${key.localeId}`;
    const cached = this.cache.get(id);
    // `now` is injected: a clock that jumps (tests, replays) either way refreshes the entry.
    if (cached !== undefined && Math.abs(now - cached.at) < COMMUNITY_TTL_MS)
      return cached.community;
    const pending = this.loading.get(id);
    if (pending !== undefined) {
      // Another transaction's read; if it failed (its transaction rolled back), read our own.
      const shared = await pending.catch(() => undefined);
      if (shared !== undefined) return shared;
    }
    const load = this.load(manager, key, params, now);
    this.loading.set(id, load);
    try {
      const community = await load;
      this.cache.delete(id);
      this.cache.set(id, { at: now, community });
      if (this.cache.size > MAX_CACHED) {
        const oldest = this.cache.keys().next().value;
        if (oldest !== undefined) this.cache.delete(oldest);
      }
      return community;
    } finally {
      if (this.loading.get(id) === load) this.loading.delete(id);
    }
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
    this.loading.clear();
  }
}
