import { registerEnumType } from '@nestjs/graphql';

/** Which strings a list or the volunteer queue shows (contract `StringFilter`). */
export enum StringFilter {
  ALL = 'ALL',
  UNTRANSLATED = 'UNTRANSLATED',
  NEEDS_VOTES = 'NEEDS_VOTES',
  DECIDED = 'DECIDED',
  STALE = 'STALE',
  MINE = 'MINE',
  /** Decided, but the shipped winner (an imported partial plural group) lacks a required form. */
  INCOMPLETE = 'INCOMPLETE',
}

/**
 * Where a string stands in one locale. A partition: DECIDED (winner for the current source),
 * else VOTING (an active candidate for the current source), else STALE (a winner for an older
 * source, nothing new proposed yet), else UNTRANSLATED.
 */
export enum UnitStatus {
  UNTRANSLATED = 'UNTRANSLATED',
  VOTING = 'VOTING',
  DECIDED = 'DECIDED',
  STALE = 'STALE',
}

export enum CandidateStatus {
  ACTIVE = 'ACTIVE',
  WITHDRAWN = 'WITHDRAWN',
  REJECTED = 'REJECTED',
  OUTDATED = 'OUTDATED',
}

export enum RoundState {
  OPEN = 'OPEN',
  COLLECTING = 'COLLECTING',
  CLOSING = 'CLOSING',
  DECIDED = 'DECIDED',
  UNDECIDED = 'UNDECIDED',
}

registerEnumType(StringFilter, {
  name: 'StringFilter',
  description:
    'Which strings to list: by status in the locale, MINE (you wrote a candidate), or INCOMPLETE (the shipped winner lacks a plural form).',
});
registerEnumType(UnitStatus, {
  name: 'UnitStatus',
  description:
    'DECIDED: a winner for the current source; VOTING: candidates for the current source; STALE: only a winner for an older source; UNTRANSLATED: nothing.',
});
registerEnumType(CandidateStatus, { name: 'CandidateStatus' });
registerEnumType(RoundState, { name: 'RoundState' });
