/** Result shapes of the GraphQL contract (apps/api/src/schema.gql), as the web client reads them. */
export type UnitStatus = 'UNTRANSLATED' | 'VOTING' | 'DECIDED' | 'STALE';
export type StringFilter =
  'ALL' | 'UNTRANSLATED' | 'NEEDS_VOTES' | 'DECIDED' | 'STALE' | 'MINE' | 'INCOMPLETE';
export type CandidateStatus = 'ACTIVE' | 'WITHDRAWN' | 'REJECTED' | 'OUTDATED';
export type RoundState = 'OPEN' | 'COLLECTING' | 'CLOSING' | 'DECIDED' | 'UNDECIDED';

export const STRING_FILTERS: readonly StringFilter[] = [
  'UNTRANSLATED',
  'NEEDS_VOTES',
  'STALE',
  'INCOMPLETE',
  'MINE',
  'DECIDED',
  'ALL',
];

export interface Me {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
}

export interface Health {
  readonly status: string;
  readonly postgres: string;
  readonly queue: string;
  readonly queueBackend: string;
}

export interface Project {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly sourceLocale: string;
  readonly visibility: string;
}

export interface Form {
  readonly category: string;
  readonly text: string;
}

export interface PluralForm {
  readonly category: string;
  readonly examples: string;
}

export interface Finding {
  readonly code: string;
  readonly severity: string;
  readonly form: string;
  readonly message: string;
}

export interface Tally {
  readonly wPlus: number;
  readonly wMinus: number;
  readonly upvoters: number;
  readonly downvoters: number;
  readonly score: number;
  readonly upperBound: number;
}

export interface UserRef {
  readonly id: string;
  readonly displayName: string;
}

export interface Candidate {
  readonly id: string;
  readonly forms: readonly Form[];
  readonly status: CandidateStatus;
  readonly origin: string;
  readonly createdAt: string;
  readonly findings: readonly Finding[];
  readonly eligible: boolean;
  readonly isMine: boolean;
  readonly myVote: number | null;
  /** Blind: null until the viewer has voted on this string. */
  readonly author: UserRef | null;
  /** Blind: null until the viewer has voted on this string. */
  readonly tally: Tally | null;
}

export interface DecisionCandidate {
  readonly candidateId: string;
  readonly wPlus: number;
  readonly wMinus: number;
  readonly score: number;
  readonly upperBound: number;
  readonly upvoters: number;
  readonly downvoters: number;
  readonly rank: number;
  readonly winner: boolean;
}

export interface ManagerApproval {
  readonly by: UserRef | null;
  readonly reason: string;
  readonly at: string;
}

export interface Decision {
  readonly decided: boolean;
  readonly winnerId: string | null;
  readonly reasons: readonly string[];
  readonly summary: string;
  readonly candidates: readonly DecisionCandidate[];
  /** Set when a language manager approved the winner. */
  readonly approval: ManagerApproval | null;
}

/** A round past its deadline without a decision: it waits in the language manager's queue. */
export interface NeedsDecision {
  readonly reasons: readonly string[];
  /** Votes can still decide it until then; null once it closed undecided. */
  readonly extendedUntil: string | null;
}

export interface Round {
  readonly id: string;
  readonly number: number;
  readonly state: RoundState;
  readonly collectingSince: string | null;
  /** The round length it opened with, ms. */
  readonly duration: number | null;
  readonly deadline: string | null;
  readonly closedAt: string | null;
  readonly reasons: readonly string[];
  readonly decision: Decision | null;
  readonly needsDecision: NeedsDecision | null;
}

export interface TranslatableString {
  readonly id: string;
  readonly namespace: string;
  readonly key: string;
  readonly kind: string;
  readonly context: string | null;
  readonly description: string | null;
  readonly maxLength: number | null;
  readonly sourceForms: readonly Form[];
  readonly sourceHash: string;
  readonly requiredForms: readonly PluralForm[];
  readonly locale: string;
  readonly status: UnitStatus;
  readonly winner: Candidate | null;
  readonly round: Round | null;
  readonly candidateCount: number;
  readonly locked: boolean;
  /** In-context screenshots showing the key (newest first); absent in older fixtures. */
  readonly screenshots?: readonly StringScreenshot[];
}

/** A screenshot of the running app and the key's region on it, in image pixels. */
export interface StringScreenshot {
  readonly id: string;
  readonly url: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly imageWidth: number;
  readonly imageHeight: number;
}

export interface CandidateList {
  readonly stringId: string;
  readonly locale: string;
  readonly hasVoted: boolean;
  readonly candidates: readonly Candidate[];
  readonly round: Round | null;
  /** Blind: how many more people must vote before votes can decide; null unless collecting. */
  readonly votesNeeded: number | null;
}

export interface Suggestion {
  readonly sourceText: string;
  readonly forms: readonly Form[];
  readonly similarity: number;
}

export interface LocaleStats {
  readonly locale: string;
  readonly total: number;
  readonly untranslated: number;
  readonly voting: number;
  readonly decided: number;
  readonly stale: number;
  readonly coverage: number;
}

export interface LeaderboardEntry {
  readonly user: UserRef;
  readonly accepted: number;
  readonly agree: number;
  readonly disagree: number;
  readonly reliability: number;
  readonly candidates: number;
  readonly votes: number;
  readonly badges: readonly string[];
}
