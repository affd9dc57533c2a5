// Collusion found by the abuse detector: flagged votes drop to wMin, and a decision that rested
// on them is reviewed.
import type { EpochMs, Id } from '../model/types';
import { partnersOf } from './community';
import { evaluate } from './evaluate';
import type { TransitionOptions } from './events';
import { reopen } from './open-round';
import type { Step } from './transition-step';
import { addEffects, withState } from './transition-step';

export function flagCollusion(step: Step, pairs: readonly (readonly [Id, Id])[]): Step {
  const { state } = step;
  const flagged = new Set(pairs.flatMap(([a, b]) => [`${a}\u0000${b}`, `${b}\u0000${a}`]));
  const authorOf = new Map(state.candidates.map((c) => [c.id, c]));
  const wMin = state.round.params.wMin;
  let changed = false;
  const votes = state.votes.map((v) => {
    const c = authorOf.get(v.candidateId);
    if (!c || c.status !== 'active' || v.weight <= wMin) return v;
    if (!flagged.has(`${v.voterId}\u0000${c.authorId}`)) return v;
    changed = true;
    return { ...v, weight: wMin };
  });
  return changed ? withState(step, { votes }) : step;
}

/**
 * A decision that rested on accounts found colluding after it was made is taken back: if the winner
 * had a flagged upvoter and no longer wins once flagged votes are discounted (the community passed
 * in lists them), it stops shipping and a new round opens with the same candidates and votes. A
 * manager's approval stands.
 */
export function reviewDecision(
  step: Step,
  pairs: readonly (readonly [Id, Id])[],
  now: EpochMs,
  options: TransitionOptions,
): Step {
  const { state } = step;
  const outcome = state.round.outcome;
  const winnerId = outcome?.winnerId ?? null;
  if (winnerId === null || outcome?.reasons.includes('MANAGER_APPROVED')) return step;
  const suspects = new Set([...pairs.flat(), ...(state.community?.flaggedUserIds ?? [])]);
  const leaned = state.votes.some(
    (v) => v.candidateId === winnerId && v.value === 1 && suspects.has(v.voterId),
  );
  if (!leaned) return step;
  // The pairs just found count as flagged even if the community passed in predates them.
  const known = state.community?.collusionPartners ?? {};
  const community = state.community && {
    ...state.community,
    flaggedUserIds: [...suspects],
    collusionPartners: partnersOf([
      ...Object.entries(known).flatMap(([id, ps]) => ps.map((p) => [id, p] as const)),
      ...pairs,
    ]),
  };
  const again = evaluate(community ? { ...state, community } : state, false);
  if (again.decided && again.winnerId === winnerId) return step;
  let next = step;
  const published = state.publishedWinner;
  if (published?.candidateId === winnerId) {
    next = addEffects(withState(next, { publishedWinner: null }), {
      type: 'revokeWinner',
      roundId: published.roundId,
      candidateId: winnerId,
    });
  }
  return reopen(next, now, 'CHALLENGE', options);
}
