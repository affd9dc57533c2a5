import { document } from '../graphql-client';

export interface ViewerCapabilities {
  readonly actions: readonly string[];
  readonly managedLocales: readonly string[];
  readonly roles: readonly string[];
  readonly joinedLocales: readonly string[];
  readonly canJoin: boolean;
  /** Banned from the project by a moderator (may read, not contribute). */
  readonly banned: boolean;
  /** When that ban ends; null: not banned, or until a manager lifts it. */
  readonly bannedUntil: string | null;
}

export interface LocaleGoal {
  readonly locale: string;
  readonly targetPercent: number;
  readonly dueDate: string;
  readonly coverage: number;
  readonly daysLeft: number;
  readonly reached: boolean;
}

export interface ProjectAccess {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly sourceLocale: string;
  readonly open: boolean;
  readonly helpWantedLocales: readonly string[];
  readonly viewerCan: ViewerCapabilities;
  readonly goals: readonly LocaleGoal[];
}

const ACCESS_FIELDS = `id slug name sourceLocale open helpWantedLocales
  viewerCan { actions managedLocales roles joinedLocales canJoin banned bannedUntil }
  goals { locale targetPercent dueDate coverage daysLeft reached }`;

export const PROJECT_ACCESS = document<{ project: ProjectAccess }, { slug: string }>(
  `query ProjectAccess($slug: String!) { project(slug: $slug) { ${ACCESS_FIELDS} } }`,
);

export const SET_PROJECT_OPEN = document<
  { setProjectOpen: { open: boolean; helpWantedLocales: string[] } },
  { project: string; open: boolean; helpWantedLocales: string[] | null }
>(
  `mutation SetProjectOpen($project: String!, $open: Boolean!, $helpWantedLocales: [String!]) {
    setProjectOpen(project: $project, open: $open, helpWantedLocales: $helpWantedLocales) { open helpWantedLocales } }`,
);

export const JOIN_PROJECT = document<
  { joinProject: { id: string; locale: string | null } },
  { project: string; locale: string }
>(
  `mutation JoinProject($project: String!, $locale: String!) {
    joinProject(project: $project, locale: $locale) { id locale } }`,
);

export const SET_LOCALE_GOAL = document<
  { setLocaleGoal: LocaleGoal | null },
  { project: string; locale: string; targetPercent: number | null; dueDate: string | null }
>(
  `mutation SetLocaleGoal($project: String!, $locale: String!, $targetPercent: Int, $dueDate: String) {
    setLocaleGoal(project: $project, locale: $locale, targetPercent: $targetPercent, dueDate: $dueDate) {
      locale targetPercent dueDate coverage daysLeft reached } }`,
);

export interface LocaleNeed {
  readonly locale: string;
  readonly total: number;
  readonly untranslated: number;
  readonly voting: number;
  readonly needsDecision: number;
  readonly helpWanted: boolean;
  readonly goal: LocaleGoal | null;
}

export interface ProjectNeed {
  readonly project: { readonly slug: string; readonly name: string };
  readonly locales: readonly LocaleNeed[];
}

export const PROJECTS_THAT_NEED_YOU = document<
  { projectsThatNeedYou: { items: ProjectNeed[]; endCursor: string | null } },
  { after: string | null }
>(
  `query ProjectsThatNeedYou($after: String) {
    projectsThatNeedYou(first: 20, after: $after) {
      items { project { slug name } locales { locale total untranslated voting needsDecision helpWanted
        goal { locale targetPercent dueDate coverage daysLeft reached } } }
      endCursor } }`,
);

export const MY_LANGUAGES = document<{ me: { languages: string[] } | null }>(
  'query MyLanguages { me { languages } }',
);

export const SET_MY_LANGUAGES = document<
  { setMyLanguages: { languages: string[] } },
  { languages: string[] }
>(
  'mutation SetMyLanguages($languages: [String!]!) { setMyLanguages(languages: $languages) { languages } }',
);

export interface MyLocale {
  readonly project: string;
  readonly projectName: string;
  readonly locale: string;
  readonly role: string;
}

export interface MyCandidate {
  readonly id: string;
  readonly project: string;
  readonly locale: string;
  readonly key: string;
  readonly text: string;
  readonly state: string;
}

export const MY_WORK = document<{
  myWork: { locales: MyLocale[]; candidates: number; votes: number; wins: number };
}>('query MyWork { myWork { locales { project projectName locale role } candidates votes wins } }');

export const MY_CANDIDATES = document<
  { myCandidates: { items: MyCandidate[]; endCursor: string | null } },
  { after: string | null }
>(
  `query MyCandidates($after: String) { myCandidates(first: 20, after: $after) {
    items { id project locale key text state } endCursor } }`,
);

export interface Invite {
  readonly id: string;
  readonly role: string;
  readonly locale: string | null;
  readonly expiresAt: string | null;
  readonly maxUses: number | null;
  readonly uses: number;
  readonly revokedAt: string | null;
}

const INVITE_FIELDS = 'id role locale expiresAt maxUses uses revokedAt';

export const INVITES = document<{ invites: Invite[] }, { project: string }>(
  `query Invites($project: String!) { invites(project: $project) { ${INVITE_FIELDS} } }`,
);

export const CREATE_INVITE = document<
  { createInvite: { token: string; invite: Invite } },
  { project: string; role: string; locale: string | null; maxUses: number | null }
>(
  `mutation CreateInvite($project: String!, $role: ProjectRole!, $locale: String, $maxUses: Int) {
    createInvite(project: $project, role: $role, locale: $locale, maxUses: $maxUses) {
      token invite { ${INVITE_FIELDS} } } }`,
);

export const REVOKE_INVITE = document<{ revokeInvite: Invite }, { id: string }>(
  `mutation RevokeInvite($id: ID!) { revokeInvite(id: $id) { ${INVITE_FIELDS} } }`,
);

export const ACCEPT_INVITE = document<
  { acceptInvite: { id: string; role: string; locale: string | null } },
  { token: string }
>('mutation AcceptInvite($token: String!) { acceptInvite(token: $token) { id role locale } }');
