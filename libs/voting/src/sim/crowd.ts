import type { EpochMs, Id, VoteValue } from '../model/types';
import type { Prng } from '../random/prng';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type VoterKind = 'honest' | 'careless' | 'lazy' | 'ring';

export interface SimVoter {
  readonly id: Id;
  readonly kind: VoterKind;
  /** Probability of upvoting the correct candidate (honest and ring members on other strings). */
  readonly skill: number;
}

export interface SimCandidate {
  readonly id: Id;
  readonly authorId: Id;
  readonly correct: boolean;
  readonly createdAt: EpochMs;
}

export interface SimString {
  readonly id: Id;
  readonly openAt: EpochMs;
  readonly candidates: readonly SimCandidate[];
  /** A ring member proposed one of the (wrong) candidates. */
  readonly ringTarget: Id | null;
}

export interface SimVote {
  readonly stringId: Id;
  readonly voterId: Id;
  readonly candidateId: Id;
  readonly value: VoteValue;
  readonly at: EpochMs;
}

export interface CrowdOptions {
  readonly strings: number;
  readonly candidatesPerString: number;
  readonly voters: number;
  readonly carelessShare: number;
  readonly ringSize: number;
  /** Voters (of the pool) who visit each string. */
  readonly votesPerString: number;
  /** Mean gap between two visits of a string (Poisson arrivals). */
  readonly meanVoteGapMs: number;
  readonly skillMin: number;
  readonly skillMax: number;
  /** Chance that a visitor also downvotes a candidate they think is wrong. */
  readonly downvoteRate: number;
  /** Share of strings where a ring member proposes a wrong candidate (when ringSize > 0). */
  readonly ringShare: number;
  readonly translators: number;
  /** Strings open uniformly over this period. */
  readonly openSpreadMs: number;
  /** Share of the pool that upvotes without reading: every candidate in when they visit. */
  readonly lazyShare: number;
  /** Mean gap between two candidates of a string (0: all within minutes). Visitors see only those in. */
  readonly candidateGapMs: number;
  /** Translators are the voters themselves (a small team), not a separate group. */
  readonly translatorsAreVoters: boolean;
  /** Ring members also downvote the correct candidate on the ring's strings. */
  readonly ringDownvotes: boolean;
  /** Every account is created when the simulation starts (launch day); else a year before. */
  readonly launchDay: boolean;
}

export interface Crowd {
  readonly start: EpochMs;
  readonly voters: readonly SimVoter[];
  readonly strings: readonly SimString[];
  readonly accountCreatedAt: EpochMs;
  /** Every vote of the simulation in time order: the same stream feeds every rule. */
  readonly votes: readonly SimVote[];
}

/** 2026-01-01T00:00:00Z: simulated time is fixed, so runs are reproducible. */
export const SIM_START: EpochMs = 1_767_225_600_000;

/**
 * Ground truth and behaviour: each string has one correct candidate. Honest voters upvote it with
 * their own skill (else a wrong one); careless voters upvote at random; ring members upvote their
 * members' candidates within hours and behave like skilled honest voters elsewhere.
 */
export function generateCrowd(o: CrowdOptions, rng: Prng): Crowd {
  const start = SIM_START;
  const careless = Math.round(o.carelessShare * o.voters);
  const lazy = Math.round(o.lazyShare * o.voters);
  const kinds = rng.shuffle(
    Array.from({ length: o.voters }, (_, i): VoterKind =>
      i < careless ? 'careless' : i < careless + lazy ? 'lazy' : 'honest',
    ),
  );
  const voters: SimVoter[] = kinds.map((kind, i) => ({
    id: `v${i}`,
    kind,
    skill: kind === 'honest' ? rng.between(o.skillMin, o.skillMax) : 0,
  }));
  const ring: SimVoter[] = Array.from({ length: o.ringSize }, (_, i) => ({
    id: `ring${i}`,
    kind: 'ring',
    skill: o.skillMax,
  }));
  const pool = [...voters, ...ring];
  const translators = o.translatorsAreVoters
    ? voters.map((v) => v.id)
    : Array.from({ length: Math.max(o.translators, o.candidatesPerString) }, (_, i) => `t${i}`);

  const strings: SimString[] = [];
  const votes: SimVote[] = [];
  for (let s = 0; s < o.strings; s += 1) {
    const openAt = start + Math.floor(rng.between(0, o.openSpreadMs));
    const correctIndex = rng.int(o.candidatesPerString);
    const authors = rng.shuffle(translators).slice(0, o.candidatesPerString);
    const ringTargetIndex =
      ring.length > 1 && o.candidatesPerString > 1 && rng.chance(o.ringShare)
        ? rng.pick(
            Array.from({ length: o.candidatesPerString }, (_, k) => k).filter(
              (k) => k !== correctIndex,
            ),
          )
        : -1;
    const ringAuthor = ringTargetIndex >= 0 ? rng.pick(ring) : null;
    let at = openAt;
    const candidates = authors.map((author, k) => {
      if (k > 0)
        at += 60_000 + (o.candidateGapMs > 0 ? Math.round(rng.exponential(o.candidateGapMs)) : 0);
      return {
        id: `s${s}c${k}`,
        authorId: k === ringTargetIndex && ringAuthor ? ringAuthor.id : author,
        correct: k === correctIndex,
        createdAt: at,
      };
    });
    const str: SimString = {
      id: `s${s}`,
      openAt,
      candidates,
      ringTarget: ringTargetIndex >= 0 ? (candidates[ringTargetIndex]?.id ?? null) : null,
    };
    strings.push(str);
    const first = openAt + 60_000;
    const own: SimVote[] = [];
    const target = candidates.find((c) => c.id === str.ringTarget);
    if (target && ringAuthor) {
      // The ring moves within hours of its member's candidate, before most visitors arrive.
      let rt = target.createdAt;
      const correct = candidates.find((c) => c.correct);
      for (const member of ring) {
        if (member.id === ringAuthor.id) continue;
        rt += Math.max(1, Math.round(rng.exponential(2 * HOUR)));
        own.push({
          stringId: str.id,
          voterId: member.id,
          candidateId: target.id,
          value: 1,
          at: rt,
        });
        if (o.ringDownvotes && correct && correct.createdAt <= rt) {
          own.push({
            stringId: str.id,
            voterId: member.id,
            candidateId: correct.id,
            value: -1,
            at: rt + 1,
          });
        }
      }
    }
    // In a small team the authors are voters too (they only skip their own candidate).
    const authorIds = new Set(candidates.map((c) => c.authorId));
    const visitors = rng
      .shuffle(pool.filter((v) => o.translatorsAreVoters || !authorIds.has(v.id)))
      .slice(0, o.votesPerString);
    let t = first;
    for (const voter of visitors) {
      t += Math.max(1, Math.round(rng.exponential(o.meanVoteGapMs)));
      own.push(...visit(str, voter, t, o, rng));
    }
    votes.push(...own);
  }
  votes.sort(
    (a, b) => a.at - b.at || (a.stringId < b.stringId ? -1 : a.stringId > b.stringId ? 1 : 0),
  );
  const accountCreatedAt = o.launchDay ? start : start - 365 * DAY;
  return { start, voters: pool, strings, accountCreatedAt, votes: dedupeVotes(votes) };
}

function visit(
  str: SimString,
  voter: SimVoter,
  at: EpochMs,
  o: CrowdOptions,
  rng: Prng,
): SimVote[] {
  if (voter.kind === 'ring' && str.ringTarget) return []; // ring strings: handled by the ring burst
  // A visitor sees the candidates submitted so far, never their own.
  const seen = str.candidates.filter((c) => c.createdAt <= at && c.authorId !== voter.id);
  if (seen.length === 0) return [];
  const correct = seen.find((c) => c.correct);
  const wrong = seen.filter((c) => !c.correct);
  if (voter.kind === 'lazy') {
    return seen.map((c) => ({
      stringId: str.id,
      voterId: voter.id,
      candidateId: c.id,
      value: 1,
      at,
    }));
  }
  let pick: SimCandidate | undefined;
  if (voter.kind === 'careless') pick = rng.pick(seen);
  else if (correct && (wrong.length === 0 || rng.chance(voter.skill))) pick = correct;
  else if (wrong.length > 0 && rng.chance(correct ? 1 : 1 - voter.skill)) pick = rng.pick(wrong);
  // An honest visitor who finds no good candidate yet upvotes nothing.
  if (!pick) return [];
  const out: SimVote[] = [
    { stringId: str.id, voterId: voter.id, candidateId: pick.id, value: 1, at },
  ];
  const others = seen.filter((c) => c !== pick);
  if (others.length > 0 && rng.chance(o.downvoteRate)) {
    out.push({
      stringId: str.id,
      voterId: voter.id,
      candidateId: rng.pick(others).id,
      value: -1,
      at: at + 1,
    });
  }
  return out;
}

/** One vote per (voter, candidate): a later vote by the same voter replaces the earlier one. */
function dedupeVotes(votes: readonly SimVote[]): SimVote[] {
  const seen = new Set<string>();
  return votes.filter((v) => {
    const key = `${v.voterId}\u0000${v.candidateId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const SIM_DAY = DAY;
export const SIM_HOUR = HOUR;
