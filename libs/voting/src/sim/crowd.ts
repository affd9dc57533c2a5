import type { EpochMs, Id, VoteValue } from '../model/types';
import type { Prng } from '../random/prng';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type VoterKind = 'honest' | 'careless' | 'ring';

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
}

export interface Crowd {
  readonly start: EpochMs;
  readonly voters: readonly SimVoter[];
  readonly strings: readonly SimString[];
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
  const kinds = rng.shuffle(
    Array.from({ length: o.voters }, (_, i): VoterKind => (i < careless ? 'careless' : 'honest')),
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
  const translators = Array.from(
    { length: Math.max(o.translators, o.candidatesPerString) },
    (_, i) => `t${i}`,
  );

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
    const candidates = authors.map((author, k) => ({
      id: `s${s}c${k}`,
      authorId: k === ringTargetIndex && ringAuthor ? ringAuthor.id : author,
      correct: k === correctIndex,
      createdAt: openAt + k * 60_000,
    }));
    const str: SimString = {
      id: `s${s}`,
      openAt,
      candidates,
      ringTarget: ringTargetIndex >= 0 ? (candidates[ringTargetIndex]?.id ?? null) : null,
    };
    strings.push(str);
    const first = openAt + candidates.length * 60_000;

    const authorIds = new Set(candidates.map((c) => c.authorId));
    const visitors = rng
      .shuffle(pool.filter((v) => !authorIds.has(v.id)))
      .slice(0, o.votesPerString);
    let t = first;
    for (const voter of visitors) {
      t += Math.max(1, Math.round(rng.exponential(o.meanVoteGapMs)));
      votes.push(...visit(str, voter, t, o, rng));
    }
    if (str.ringTarget && ringAuthor) {
      let rt = first;
      for (const member of ring) {
        if (member.id === ringAuthor.id) continue;
        rt += Math.max(1, Math.round(rng.exponential(2 * HOUR)));
        votes.push({
          stringId: str.id,
          voterId: member.id,
          candidateId: str.ringTarget,
          value: 1,
          at: rt,
        });
      }
    }
  }
  votes.sort(
    (a, b) => a.at - b.at || (a.stringId < b.stringId ? -1 : a.stringId > b.stringId ? 1 : 0),
  );
  return { start, voters: pool, strings, votes: dedupeVotes(votes) };
}

function visit(
  str: SimString,
  voter: SimVoter,
  at: EpochMs,
  o: CrowdOptions,
  rng: Prng,
): SimVote[] {
  const correct = str.candidates.find((c) => c.correct);
  const wrong = str.candidates.filter((c) => !c.correct);
  if (!correct) return [];
  if (voter.kind === 'ring' && str.ringTarget) return []; // ring strings: handled by the ring burst
  const pick =
    voter.kind === 'careless'
      ? rng.pick(str.candidates)
      : wrong.length === 0 || rng.chance(voter.skill)
        ? correct
        : rng.pick(wrong);
  const out: SimVote[] = [
    { stringId: str.id, voterId: voter.id, candidateId: pick.id, value: 1, at },
  ];
  const others = str.candidates.filter((c) => c !== pick);
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
