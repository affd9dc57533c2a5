import type { Candidate, EpochMs, Id, Vote } from '../model/types';
import { reliability } from '../score/weight';
import type { VotingParams } from './params';

/** How far back "active in this project and locale" looks (the API counts members over it). */
export const ACTIVITY_WINDOW_MS = 30 * 24 * 3_600_000;

/**
 * The project+locale a round is decided in, as it is at decision time. Optional everywhere: without
 * it the C1 rule applies unchanged (fixed thresholds, weights as cast).
 */
export interface Community {
  /** Distinct people who voted or submitted in this project and locale over the activity window. */
  readonly activeMembers: number;
  /** Share of those whose accounts are older than `minAccountAge` (0 on launch day). */
  readonly establishedShare: number;
  /**
   * The weight a typical active member has today (the median of `memberWeight`): votes count
   * relative to it, so "typical for this locale" is 1 whether the locale is a week or a year old.
   */
  readonly referenceWeight: number;
  /** Accounts in an abuse flag (see `suspectsIn` for how their votes count). */
  readonly flaggedUserIds: readonly Id[];
  /**
   * Each flagged account's collusion partners, where known. An account flagged without a known
   * partner is suspect in every unit.
   */
  readonly collusionPartners: Readonly<Record<Id, readonly Id[]>>;
  /** Account age and reputation of the unit's voters (the API may pass only those). */
  readonly voters: Readonly<Record<Id, MemberRecord>>;
  /** Every active member's account creation time, ascending: how new the locale was at a vote. */
  readonly createdAtSorted: readonly EpochMs[];
}

export interface MemberRecord {
  readonly accountCreatedAt: EpochMs;
  /** Voter reputation in this locale (C3), as of now. */
  readonly agree: number;
  readonly disagree: number;
}

/** One active member of the locale as the API knows them now. */
export interface CommunityMember extends MemberRecord {
  readonly userId: Id;
}

type WeightParams = Pick<VotingParams, 'wMin' | 'alpha' | 'beta' | 'minAccountAge'>;

/**
 * A member's weight today (C2 without collusion): wMin for an account younger than minAccountAge
 * where the locale has established members; otherwise wMin + (1 − wMin)·R_v.
 */
export function memberWeight(
  m: MemberRecord,
  at: EpochMs,
  newLocale: boolean,
  params: WeightParams,
): number {
  if (!newLocale && at - m.accountCreatedAt < params.minAccountAge) return params.wMin;
  return params.wMin + (1 - params.wMin) * reliability(m.agree, m.disagree, params);
}

/** Below this share of established members a locale is "new": new accounts are not held back. */
export const NEW_LOCALE_SHARE = 0.5;

/**
 * Builds the decision-time community from the locale's active members (pure; `now` passed in).
 * `voters` may be limited to the unit's voters; the reference uses every member given.
 * `collusionPairs`: the flagged pairs behind `flaggedUserIds` (their accounts are flagged too).
 */
export function communityOf(
  members: readonly CommunityMember[],
  flaggedUserIds: readonly Id[],
  now: EpochMs,
  params: WeightParams,
  collusionPairs: readonly (readonly [Id, Id])[] = [],
): Community {
  const established = members.filter((m) => now - m.accountCreatedAt >= params.minAccountAge);
  const establishedShare = members.length === 0 ? 0 : established.length / members.length;
  const newLocale = establishedShare < NEW_LOCALE_SHARE;
  const flagged = new Set([...flaggedUserIds, ...collusionPairs.flat()]);
  const weights = members
    .filter((m) => !flagged.has(m.userId))
    .map((m) => memberWeight(m, now, newLocale, params))
    .sort((a, b) => a - b);
  const neutral = params.wMin + ((1 - params.wMin) * params.alpha) / (params.alpha + params.beta);
  return {
    activeMembers: members.length,
    establishedShare,
    // The lower median; a locale with nobody yet: a voter without a record is typical.
    referenceWeight: weights[Math.floor((weights.length - 1) / 2)] ?? neutral,
    flaggedUserIds: [...flagged].sort(),
    collusionPartners: partnersOf(collusionPairs),
    createdAtSorted: members.map((m) => m.accountCreatedAt).sort((a, b) => a - b),
    voters: Object.fromEntries(
      members.map((m) => [
        m.userId,
        { accountCreatedAt: m.accountCreatedAt, agree: m.agree, disagree: m.disagree },
      ]),
    ),
  };
}

/** Each account's partners in the given pairs, sorted (a plain record: it is stored as JSON). */
export function partnersOf(pairs: readonly (readonly [Id, Id])[]): Record<Id, readonly Id[]> {
  const out = new Map<Id, Set<Id>>();
  const add = (x: Id, y: Id) => out.set(x, (out.get(x) ?? new Set<Id>()).add(y));
  for (const [a, b] of pairs) {
    if (a === b) continue;
    add(a, b);
    add(b, a);
  }
  return Object.fromEntries(
    [...out]
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
      .map(([id, set]) => [id, [...set].sort()]),
  );
}

/**
 * The flagged accounts whose votes are suspect in a unit with these candidate authors: an account
 * that wrote one of the candidates or whose collusion partner did (the ring's own strings: its
 * upvotes on the partner's text and its downvotes on the rivals alike), or whose partners are not
 * known. Suspect votes weigh wMin and are not distinct voters. A flagged account's votes elsewhere
 * count with its weight, but flagged accounts voting alike on a candidate speak as one person
 * (a clique is one voice): its honest-looking votes are evidence, its numbers are not.
 */
export function suspectsIn(
  community: Community | undefined,
  authorIds: Iterable<Id>,
): ReadonlySet<Id> {
  if (community === undefined || community.flaggedUserIds.length === 0) return new Set();
  const authors = new Set(authorIds);
  return new Set(
    community.flaggedUserIds.filter((id) => {
      const partners = community.collusionPartners[id] ?? [];
      return partners.length === 0 || authors.has(id) || partners.some((p) => authors.has(p));
    }),
  );
}

/** Thresholds a round needs in this community; the project's own values are the ceiling. */
export interface Thresholds {
  readonly quorum: number;
  readonly minVotes: number;
}

/**
 * Quorum and minimum upvoters follow the community: the author cannot vote for their own text, so
 * in a team of n at most n − 1 people can agree on a candidate. Two is the floor (one person is
 * not a crowd: that is a manager's call), the project's parameters the ceiling, so a big crowd
 * keeps needing the full evidence.
 */
export function thresholdsFor(
  params: Pick<VotingParams, 'quorum' | 'minVotes'>,
  community: Community | undefined,
): Thresholds {
  if (community === undefined) return { quorum: params.quorum, minVotes: params.minVotes };
  const available = Math.max(2, community.activeMembers - 1);
  return {
    quorum: Math.min(params.quorum, available),
    minVotes: Math.min(params.minVotes, Math.max(2, community.activeMembers - 2)),
  };
}

/**
 * The weight a vote counts with when the round is decided: the voter's weight now (their current
 * reputation; a new account counts as a newcomer where the locale is new, wMin where it has
 * established members) relative to the community's typical member, capped at 1, so a typical or
 * better voter counts 1 and a record of disagreeing with decisions counts less. Suspect votes
 * (`suspects`, or every flagged account's when not given) count wMin relative. Voters the community does not list keep their cast weight (relative).
 * Without a community, as cast. Relative weights are measured at decision time so every vote is
 * on today's scale; weights stay bounded by [wMin/reference, 1].
 */
export function decisionWeight(
  vote: Vote,
  community: Community | undefined,
  params: WeightParams,
  suspects?: ReadonlySet<Id>,
): number {
  if (community === undefined || vote.weight <= 0) return vote.weight;
  const ref = Math.max(params.wMin, community.referenceWeight);
  const suspect =
    suspects === undefined
      ? community.flaggedUserIds.includes(vote.voterId)
      : suspects.has(vote.voterId);
  if (suspect) return params.wMin / ref;
  const record = community.voters[vote.voterId];
  if (record === undefined) return Math.min(1, vote.weight / ref);
  // Whether the locale was new when the vote was cast: launch-day votes keep counting after the
  // accounts have aged.
  const newLocale =
    establishedShareAt(community, vote.castAt - params.minAccountAge) < NEW_LOCALE_SHARE;
  return Math.min(1, memberWeight(record, vote.castAt, newLocale, params) / ref);
}

/** Share of the active members whose accounts existed by `createdBy`. */
function establishedShareAt(community: Community, createdBy: EpochMs): number {
  const times = community.createdAtSorted;
  if (times.length === 0) return community.establishedShare;
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((times[mid] ?? Infinity) <= createdBy) lo = mid + 1;
    else hi = mid;
  }
  return lo / times.length;
}

/** Whether a vote's voter counts as a distinct person for quorum, minimum votes and unanimity. */
export function countsAsVoter(vote: Vote, community: Community | undefined): boolean {
  return community === undefined || !community.flaggedUserIds.includes(vote.voterId);
}

/**
 * How complete the evidence is before the deadline. `OPEN`: a new candidate is still likely, no
 * early decision. `IN`: the last eligible candidate appeared at least `minDuration` ago, or at least
 * a quorum of distinct voters voted after it appeared (so they saw every candidate): early
 * thresholds apply. `COMPLETE`: every active member of the community has voted or authored, so
 * waiting can bring nothing new: the deadline's score with the early margin applies now.
 */
export type FieldState = 'OPEN' | 'IN' | 'COMPLETE';

export function fieldState(
  input: {
    readonly votes: readonly Vote[];
    readonly community?: Community;
  },
  eligible: readonly Candidate[],
  params: Pick<VotingParams, 'minDuration' | 'quorum' | 'minVotes'>,
  now: EpochMs,
): FieldState {
  const ids = new Set(eligible.map((c) => c.id));
  const last = Math.max(...eligible.map((c) => c.createdAt));
  const sawAll = new Set<Id>();
  const people = new Set<Id>(eligible.map((c) => c.authorId));
  for (const v of input.votes) {
    if (!ids.has(v.candidateId) || !countsAsVoter(v, input.community)) continue;
    people.add(v.voterId);
    if (v.castAt >= last) sawAll.add(v.voterId);
  }
  const community = input.community;
  if (community !== undefined && people.size >= Math.max(2, community.activeMembers)) {
    return 'COMPLETE';
  }
  if (!Number.isFinite(last) || now - last >= params.minDuration) return 'IN';
  return sawAll.size >= thresholdsFor(params, community).quorum ? 'IN' : 'OPEN';
}
