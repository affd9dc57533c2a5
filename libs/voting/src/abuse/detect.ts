import type { EpochMs, Id, VoteValue } from '../model/types';
import { compareCodeUnits } from '../rank/rank-order';
import { wilsonBounds } from '../score/wilson';
import { assertNever } from '../util/assert-never';

/** One vote as the abuse scan sees it (a project/locale-wide query, not one unit). */
export interface AbuseVote {
  readonly voterId: Id;
  readonly candidateId: Id;
  readonly authorId: Id;
  readonly value: VoteValue;
  readonly castAt: EpochMs;
}

export interface AbuseAccount {
  readonly userId: Id;
  readonly createdAt: EpochMs;
}

export interface AbuseOptions {
  /** Pairs need this many shared candidates before their agreement is judged. */
  readonly minSharedCandidates: number;
  /** Flag a pair when the Wilson LB of its agreement exceeds the crowd's rate by this much. */
  readonly agreementMargin: number;
  /** Reciprocity: each of the two upvoted at least this many of the other's candidates… */
  readonly minReciprocalUpvotes: number;
  /** …and those were at least this share of each one's upvotes… */
  readonly minReciprocalShare: number;
  /**
   * …and at least this many times the author's share of all voted candidates: in a team of three
   * each member writes a third of the candidates, so a third of each one's upvotes going to each
   * other member is what honest work looks like, not reciprocity.
   */
  readonly reciprocalOverExpected: number;
  /** Concentration: an author needs this many upvoted candidates to be judged. */
  readonly minAuthorCandidates: number;
  /** A "regular" upvoted at least this share of the author's candidates. */
  readonly regularShare: number;
  /** Flag when regulars (at most `maxRegulars`, at least 2) give this share of all upvotes. */
  readonly concentrationShare: number;
  readonly maxRegulars: number;
  /** …and the author's candidates also got votes from this many other voters (else it is just a tiny crowd). */
  readonly minOutsideVoters: number;
  /** New-account burst: this many same-valued votes on a candidate from young accounts… */
  readonly burstVotes: number;
  /** …within this window. */
  readonly burstWindowMs: number;
  /** Accounts younger than this (at the vote) are "new". */
  readonly newAccountAgeMs: number;
  readonly z: number;
}

export const DEFAULT_ABUSE_OPTIONS: AbuseOptions = Object.freeze({
  minSharedCandidates: 5,
  agreementMargin: 0.15,
  minReciprocalUpvotes: 2,
  minReciprocalShare: 0.2,
  reciprocalOverExpected: 2.5,
  minAuthorCandidates: 3,
  regularShare: 0.6,
  concentrationShare: 0.6,
  maxRegulars: 6,
  minOutsideVoters: 3,
  burstVotes: 3,
  burstWindowMs: 3_600_000,
  newAccountAgeMs: 7 * 24 * 3_600_000,
  z: 1.96,
});

export type AbuseFlag =
  | {
      readonly kind: 'VOTING_RING_PAIR';
      readonly users: readonly [Id, Id];
      readonly evidence: {
        readonly sharedCandidates: number;
        readonly agreements: number;
        readonly agreementRate: number;
        readonly agreementLowerBound: number;
        /** Agreement expected on the same candidates from the other voters' split. */
        readonly crowdAgreementRate: number;
      };
    }
  | {
      readonly kind: 'RECIPROCAL_PAIR';
      readonly users: readonly [Id, Id];
      readonly evidence: {
        readonly firstUpvotesOfSecond: number;
        readonly secondUpvotesOfFirst: number;
      };
    }
  | {
      readonly kind: 'AUTHOR_CONCENTRATION';
      readonly authorId: Id;
      readonly voterIds: readonly Id[];
      readonly evidence: {
        readonly candidates: number;
        readonly upvotes: number;
        readonly upvotesFromRegulars: number;
        readonly share: number;
      };
    }
  | {
      readonly kind: 'NEW_ACCOUNT_BURST';
      readonly candidateId: Id;
      readonly authorId: Id;
      readonly voterIds: readonly Id[];
      readonly evidence: { readonly votes: number; readonly from: EpochMs; readonly to: EpochMs };
    };

export type AbuseFlagKind = AbuseFlag['kind'];

/** An unordered pair (a < b) whose mutual votes drop to wMin. */
export interface CollusionPair {
  readonly a: Id;
  readonly b: Id;
  readonly kinds: readonly AbuseFlagKind[];
}

export interface AbuseReport {
  readonly flags: readonly AbuseFlag[];
  readonly collusionPairs: readonly CollusionPair[];
}

export interface AbuseInput {
  readonly votes: readonly AbuseVote[];
  readonly accounts: readonly AbuseAccount[];
  readonly options?: Partial<AbuseOptions>;
}

/**
 * Scans votes for voting rings, reciprocal pairs, authors carried by the same few accounts and
 * bursts from new accounts. Deterministic: the same votes in any order give the same report.
 */
export function detectAbuse(input: AbuseInput): AbuseReport {
  const o: AbuseOptions = { ...DEFAULT_ABUSE_OPTIONS, ...input.options };
  const votes = [...input.votes].sort(
    (x, y) =>
      x.castAt - y.castAt ||
      compareCodeUnits(x.candidateId, y.candidateId) ||
      compareCodeUnits(x.voterId, y.voterId),
  );
  const flags: AbuseFlag[] = [
    ...ringPairs(votes, o),
    ...reciprocalPairs(votes, o),
    ...authorConcentration(votes, o),
    ...newAccountBursts(votes, input.accounts, o),
  ];
  return { flags, collusionPairs: pairsOf(flags) };
}

/** Partners of a user in a report: what `VoterProfile.collusionPartners` expects. */
export function collusionPartners(report: AbuseReport, userId: Id): Id[] {
  const out = new Set<Id>();
  for (const p of report.collusionPairs) {
    if (p.a === userId) out.add(p.b);
    if (p.b === userId) out.add(p.a);
  }
  return [...out].sort(compareCodeUnits);
}

function ordered(x: Id, y: Id): [Id, Id] {
  return compareCodeUnits(x, y) <= 0 ? [x, y] : [y, x];
}

/**
 * Pair agreement against what the rest of the crowd makes likely: on each shared candidate the
 * chance that two voters agree is p² + (1 − p)², p = the upvote share among the *other* voters on
 * it. Two experts agreeing on an obvious candidate is expected; two accounts that always agree where
 * the crowd is split are a ring.
 */
function ringPairs(votes: readonly AbuseVote[], o: AbuseOptions): AbuseFlag[] {
  const byCandidate = new Map<Id, Map<Id, VoteValue>>();
  for (const v of votes) {
    const m = byCandidate.get(v.candidateId) ?? new Map<Id, VoteValue>();
    m.set(v.voterId, v.value);
    byCandidate.set(v.candidateId, m);
  }
  const pairs = new Map<
    string,
    { users: [Id, Id]; shared: number; agree: number; expected: number }
  >();
  for (const [, voters] of sortedEntries(byCandidate)) {
    const list = [...voters].sort(([x], [y]) => compareCodeUnits(x, y));
    const ups = list.filter(([, value]) => value === 1).length;
    const others = list.length - 2;
    if (others < 1) continue; // nobody else to compare with: no evidence either way
    for (const [i, [a, va]] of list.entries()) {
      for (const [b, vb] of list.slice(i + 1)) {
        const p = (ups - (va === 1 ? 1 : 0) - (vb === 1 ? 1 : 0)) / others;
        const key = pairKey(a, b);
        const pair = pairs.get(key) ?? { users: [a, b], shared: 0, agree: 0, expected: 0 };
        pair.shared += 1;
        pair.expected += p * p + (1 - p) * (1 - p);
        if (va === vb) pair.agree += 1;
        pairs.set(key, pair);
      }
    }
  }
  const flags: AbuseFlag[] = [];
  for (const [, p] of sortedEntries(pairs)) {
    if (p.shared < o.minSharedCandidates) continue;
    const lower = wilsonBounds(p.agree, p.shared - p.agree, o.z).lower;
    const crowd = p.expected / p.shared;
    if (lower < crowd + o.agreementMargin) continue;
    flags.push({
      kind: 'VOTING_RING_PAIR',
      users: p.users,
      evidence: {
        sharedCandidates: p.shared,
        agreements: p.agree,
        agreementRate: p.agree / p.shared,
        agreementLowerBound: lower,
        crowdAgreementRate: crowd,
      },
    });
  }
  return flags;
}

function upvoteCounts(votes: readonly AbuseVote[]) {
  const given = new Map<Id, number>(); // voter → upvotes given
  const toAuthor = new Map<string, number>(); // [voter, author] → upvotes
  for (const v of votes) {
    if (v.value !== 1 || v.voterId === v.authorId) continue;
    given.set(v.voterId, (given.get(v.voterId) ?? 0) + 1);
    const key = pairKey(v.voterId, v.authorId);
    toAuthor.set(key, (toAuthor.get(key) ?? 0) + 1);
  }
  return { given, toAuthor };
}

/** Each author's share of the distinct candidates that received votes. */
function authorShares(votes: readonly AbuseVote[]): Map<Id, number> {
  const authorOf = new Map<Id, Id>();
  for (const v of votes) authorOf.set(v.candidateId, v.authorId);
  const counts = new Map<Id, number>();
  for (const author of authorOf.values()) counts.set(author, (counts.get(author) ?? 0) + 1);
  const total = Math.max(1, authorOf.size);
  return new Map([...counts].map(([id, n]) => [id, n / total]));
}

function reciprocalPairs(votes: readonly AbuseVote[], o: AbuseOptions): AbuseFlag[] {
  const { given, toAuthor } = upvoteCounts(votes);
  const shares = authorShares(votes);
  const needed = (author: Id) =>
    Math.max(o.minReciprocalShare, o.reciprocalOverExpected * (shares.get(author) ?? 0));
  const flags: AbuseFlag[] = [];
  for (const [key, ab] of sortedEntries(toAuthor)) {
    const [voter = '', author = ''] = key.split(SEP);
    if (compareCodeUnits(voter, author) >= 0) continue; // each unordered pair once
    const ba = toAuthor.get(pairKey(author, voter)) ?? 0;
    if (ab < o.minReciprocalUpvotes || ba < o.minReciprocalUpvotes) continue;
    if (ab / (given.get(voter) ?? 1) < needed(author)) continue;
    if (ba / (given.get(author) ?? 1) < needed(voter)) continue;
    flags.push({
      kind: 'RECIPROCAL_PAIR',
      users: [voter, author],
      evidence: { firstUpvotesOfSecond: ab, secondUpvotesOfFirst: ba },
    });
  }
  return flags;
}

function authorConcentration(votes: readonly AbuseVote[], o: AbuseOptions): AbuseFlag[] {
  const byAuthor = new Map<Id, { candidates: Set<Id>; upvotes: AbuseVote[]; voters: Set<Id> }>();
  for (const v of votes) {
    if (v.voterId === v.authorId) continue;
    const a = byAuthor.get(v.authorId) ?? {
      candidates: new Set<Id>(),
      upvotes: [],
      voters: new Set<Id>(),
    };
    a.voters.add(v.voterId);
    if (v.value === 1) {
      a.candidates.add(v.candidateId);
      a.upvotes.push(v);
    }
    byAuthor.set(v.authorId, a);
  }
  const flags: AbuseFlag[] = [];
  for (const [authorId, a] of sortedEntries(byAuthor)) {
    const n = a.candidates.size;
    if (n < o.minAuthorCandidates) continue;
    const perVoter = new Map<Id, number>();
    for (const v of a.upvotes) perVoter.set(v.voterId, (perVoter.get(v.voterId) ?? 0) + 1);
    const regulars = [...perVoter]
      .filter(([, k]) => k >= o.regularShare * n)
      .map(([id]) => id)
      .sort(compareCodeUnits);
    if (regulars.length < 2 || regulars.length > o.maxRegulars) continue;
    if (a.voters.size - regulars.length < o.minOutsideVoters) continue;
    const fromRegulars = regulars.reduce((s, id) => s + (perVoter.get(id) ?? 0), 0);
    const share = fromRegulars / a.upvotes.length;
    if (share < o.concentrationShare) continue;
    flags.push({
      kind: 'AUTHOR_CONCENTRATION',
      authorId,
      voterIds: regulars,
      evidence: {
        candidates: n,
        upvotes: a.upvotes.length,
        upvotesFromRegulars: fromRegulars,
        share,
      },
    });
  }
  return flags;
}

function newAccountBursts(
  votes: readonly AbuseVote[],
  accounts: readonly AbuseAccount[],
  o: AbuseOptions,
): AbuseFlag[] {
  const created = new Map(accounts.map((a) => [a.userId, a.createdAt]));
  const isYoung = (v: AbuseVote) => {
    const at = created.get(v.voterId);
    return at !== undefined && v.castAt - at < o.newAccountAgeMs;
  };
  const young = votes.filter(isYoung);
  // Where most voters are new (a launch, a new locale) new accounts voting together is the
  // community itself, not a burst: only flag when established voters outnumber the young ones.
  const youngVoters = new Set(young.map((v) => v.voterId));
  const established = new Set(votes.filter((v) => !isYoung(v)).map((v) => v.voterId));
  for (const id of youngVoters) established.delete(id);
  if (established.size < youngVoters.size) return [];
  const groups = new Map<string, AbuseVote[]>();
  for (const v of young) {
    const key = pairKey(v.candidateId, String(v.value));
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  const flags: AbuseFlag[] = [];
  for (const [, group] of sortedEntries(groups)) {
    // `group` is in time order: slide a window over it and keep the largest.
    let best: AbuseVote[] = [];
    let i = 0;
    for (const [j, last] of group.entries()) {
      while (last.castAt - (group[i]?.castAt ?? last.castAt) > o.burstWindowMs) i += 1;
      if (j - i + 1 > best.length) best = group.slice(i, j + 1);
    }
    const first = best[0];
    const last = best[best.length - 1];
    if (best.length < o.burstVotes || !first || !last) continue;
    flags.push({
      kind: 'NEW_ACCOUNT_BURST',
      candidateId: first.candidateId,
      authorId: first.authorId,
      voterIds: best.map((v) => v.voterId).sort(compareCodeUnits),
      evidence: { votes: best.length, from: first.castAt, to: last.castAt },
    });
  }
  return flags;
}

function pairsOf(flags: readonly AbuseFlag[]): CollusionPair[] {
  const pairs = new Map<string, { a: Id; b: Id; kinds: Set<AbuseFlagKind> }>();
  const add = (x: Id, y: Id, kind: AbuseFlagKind) => {
    if (x === y) return;
    const [a, b] = ordered(x, y);
    const key = pairKey(a, b);
    const p = pairs.get(key) ?? { a, b, kinds: new Set<AbuseFlagKind>() };
    p.kinds.add(kind);
    pairs.set(key, p);
  };
  for (const f of flags) {
    switch (f.kind) {
      case 'VOTING_RING_PAIR':
      case 'RECIPROCAL_PAIR':
        add(f.users[0], f.users[1], f.kind);
        break;
      case 'AUTHOR_CONCENTRATION':
        for (const v of f.voterIds) add(v, f.authorId, f.kind);
        break;
      case 'NEW_ACCOUNT_BURST':
        for (const v of f.voterIds) add(v, f.authorId, f.kind);
        break;
      default:
        assertNever(f, 'abuse flag');
    }
  }
  return sortedEntries(pairs).map(([, p]) => ({
    a: p.a,
    b: p.b,
    kinds: [...p.kinds].sort(compareCodeUnits),
  }));
}

/** Ids are opaque but never contain U+0000, so it separates the two halves of a map key. */
const SEP = '\u0000';

function pairKey(a: string, b: string): string {
  return a + SEP + b;
}

function sortedEntries<V>(map: ReadonlyMap<string, V>): [string, V][] {
  return [...map.entries()].sort(([x], [y]) => compareCodeUnits(x, y));
}
