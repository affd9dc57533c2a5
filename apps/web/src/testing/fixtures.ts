import type { ProjectAccess } from '../api/open-call-operations';
import type { Candidate, CandidateList, Form, TranslatableString } from '../api/types';

export function makeString(overrides: Partial<TranslatableString> = {}): TranslatableString {
  return {
    id: 's1',
    namespace: 'translation',
    key: 'greeting',
    kind: 'simple',
    context: null,
    description: 'Shown on the home page',
    maxLength: null,
    sourceForms: [{ category: '', text: 'Hello {{name}}, open <0>settings</0>' }],
    sourceHash: 'h',
    requiredForms: [{ category: '', examples: '' }],
    locale: 'pl',
    status: 'UNTRANSLATED',
    winner: null,
    round: null,
    candidateCount: 0,
    locked: false,
    ...overrides,
  };
}

export const PLURAL_SOURCE: readonly Form[] = [
  { category: 'one', text: '{{count}} string left' },
  { category: 'other', text: '{{count}} strings left' },
];

export function makeCandidate(overrides: Partial<Candidate> = {}): Candidate {
  return {
    id: 'c1',
    forms: [{ category: '', text: 'Cześć' }],
    status: 'ACTIVE',
    origin: 'community',
    createdAt: '2026-01-01T00:00:00Z',
    findings: [],
    eligible: true,
    isMine: false,
    myVote: null,
    author: null,
    tally: null,
    ...overrides,
  };
}

export function makeCandidateList(overrides: Partial<CandidateList> = {}): CandidateList {
  return {
    stringId: 's1',
    locale: 'pl',
    hasVoted: false,
    candidates: [],
    round: null,
    votesNeeded: null,
    ...overrides,
  };
}

/** Project.viewerCan and the rest of ProjectAccess; by default a translator who may submit and vote. */
export function makeAccess(
  viewerCan: Partial<ProjectAccess['viewerCan']> = {},
  overrides: Partial<Omit<ProjectAccess, 'viewerCan'>> = {},
): ProjectAccess {
  return {
    id: 'p1',
    slug: 'demo',
    name: 'Demo',
    sourceLocale: 'en',
    open: false,
    helpWantedLocales: [],
    goals: [],
    ...overrides,
    viewerCan: {
      actions: ['translation.submit', 'vote.cast', 'report.create'],
      managedLocales: [],
      roles: ['translator'],
      joinedLocales: ['pl'],
      canJoin: false,
      banned: false,
      bannedUntil: null,
      ...viewerCan,
    },
  };
}
