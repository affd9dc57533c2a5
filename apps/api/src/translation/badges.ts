/** What a contributor has done in one project and locale: the inputs of the badge rules. */
export interface BadgeFacts {
  /** Winning translations (reputation ledger). */
  readonly accepted: number;
  /** Votes that agreed / disagreed with the outcome (ledger; gold units count double). */
  readonly agree: number;
  readonly disagree: number;
  /** (agree + α) / (agree + disagree + α + β). */
  readonly reliability: number;
  /** Votes a decided round has evaluated (vote rows, each counted once). */
  readonly evaluatedVotes: number;
  /** Candidates the user wrote. */
  readonly translations: number;
}

export type Badge =
  'FIRST_TRANSLATION' | 'FIRST_WIN' | 'TEN_WINS' | 'HUNDRED_AGREEING_VOTES' | 'CAREFUL_VOTER';

/** The milestones, in display order. */
export const BADGE_RULES: ReadonlyArray<readonly [Badge, (f: BadgeFacts) => boolean]> = [
  ['FIRST_TRANSLATION', (f) => f.translations >= 1],
  ['FIRST_WIN', (f) => f.accepted >= 1],
  ['TEN_WINS', (f) => f.accepted >= 10],
  ['HUNDRED_AGREEING_VOTES', (f) => f.agree >= 100],
  // Reliable, and on enough evidence that the prior no longer carries it.
  ['CAREFUL_VOTER', (f) => f.reliability >= 0.8 && f.evaluatedVotes >= 20],
];

export function badgesFor(facts: BadgeFacts): Badge[] {
  return BADGE_RULES.filter(([, earned]) => earned(facts)).map(([badge]) => badge);
}
