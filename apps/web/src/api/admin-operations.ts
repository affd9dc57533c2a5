import { document } from '../graphql-client';

export type ProjectRole = 'owner' | 'developer' | 'language_manager' | 'translator';
export const PROJECT_ROLES: readonly ProjectRole[] = [
  'owner',
  'developer',
  'language_manager',
  'translator',
];
export type ApiTokenScope = 'pull' | 'push';

export interface Locale {
  readonly id: string;
  readonly code: string;
  readonly pluralCategories: readonly string[];
}
export interface Member {
  readonly id: string;
  readonly role: ProjectRole;
  readonly locale: string | null;
  readonly user: { readonly id: string; readonly displayName: string };
}
export interface ApiToken {
  readonly id: string;
  readonly name: string;
  readonly scopes: readonly ApiTokenScope[];
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}
export interface Webhook {
  readonly id: string;
  readonly url: string;
  readonly lastDeliveryAt: string | null;
  readonly lastStatus: number | null;
}
export interface VotingParameters {
  readonly duration: number;
  readonly minDuration: number;
  readonly quorum: number;
  readonly minVotes: number;
  readonly minScore: number;
  readonly minMargin: number;
}
export interface Namespace {
  readonly id: string;
  readonly name: string;
  readonly stringCount: number;
}
/** A voting pattern the abuse scan found suspicious; `evidence` is JSON. */
export interface AbuseFlag {
  readonly id: string;
  readonly kind: string;
  readonly evidence: string;
  readonly detectedAt: string;
  readonly users: readonly { readonly id: string; readonly displayName: string }[];
  /** The flag's open report in the moderation queue (against its first account), if any. */
  readonly reportId: string | null;
}

export const LOCALES = document<{ locales: Locale[] }, { project: string }>(
  'query Locales($project: String!) { locales(project: $project) { id code pluralCategories } }',
);
export const ADD_LOCALE = document<{ addLocale: Locale }, { project: string; code: string }>(
  'mutation AddLocale($project: String!, $code: String!) { addLocale(project: $project, code: $code) { id code pluralCategories } }',
);

export const NAMESPACES = document<{ namespaces: Namespace[] }, { project: string }>(
  'query Namespaces($project: String!) { namespaces(project: $project) { id name stringCount } }',
);

const MEMBER_FIELDS = 'id role locale user { id displayName }';
export const MEMBERS = document<{ members: Member[] }, { project: string }>(
  `query Members($project: String!) { members(project: $project) { ${MEMBER_FIELDS} } }`,
);
export const ADD_MEMBER = document<
  { addMember: Member },
  { project: string; email: string; role: ProjectRole; locale: string | null }
>(
  `mutation AddMember($project: String!, $email: String!, $role: ProjectRole!, $locale: String) {
    addMember(project: $project, email: $email, role: $role, locale: $locale) { ${MEMBER_FIELDS} } }`,
);
export const REMOVE_MEMBER = document<{ removeMember: boolean }, { project: string; id: string }>(
  'mutation RemoveMember($project: String!, $id: ID!) { removeMember(project: $project, id: $id) }',
);

const TOKEN_FIELDS = 'id name scopes createdAt lastUsedAt revokedAt';
export const API_TOKENS = document<{ apiTokens: ApiToken[] }, { project: string }>(
  `query ApiTokens($project: String!) { apiTokens(project: $project) { ${TOKEN_FIELDS} } }`,
);
export const CREATE_API_TOKEN = document<
  { createApiToken: { secret: string; token: ApiToken } },
  { project: string; name: string; scopes: ApiTokenScope[] }
>(
  `mutation CreateApiToken($project: String!, $name: String!, $scopes: [ApiTokenScope!]!) {
    createApiToken(project: $project, name: $name, scopes: $scopes) { secret token { ${TOKEN_FIELDS} } } }`,
);
export const REVOKE_API_TOKEN = document<
  { revokeApiToken: ApiToken },
  { project: string; id: string }
>(
  `mutation RevokeApiToken($project: String!, $id: ID!) { revokeApiToken(project: $project, id: $id) { ${TOKEN_FIELDS} } }`,
);

const WEBHOOK_FIELDS = 'id url lastDeliveryAt lastStatus';
export const WEBHOOKS = document<{ webhooks: Webhook[] }, { project: string }>(
  `query Webhooks($project: String!) { webhooks(project: $project) { ${WEBHOOK_FIELDS} } }`,
);
export const ADD_WEBHOOK = document<
  { addWebhook: { secret: string; webhook: Webhook } },
  { project: string; url: string }
>(
  `mutation AddWebhook($project: String!, $url: String!) {
    addWebhook(project: $project, url: $url) { secret webhook { ${WEBHOOK_FIELDS} } } }`,
);
export const REMOVE_WEBHOOK = document<{ removeWebhook: boolean }, { project: string; id: string }>(
  'mutation RemoveWebhook($project: String!, $id: ID!) { removeWebhook(project: $project, id: $id) }',
);

const VOTING_FIELDS = 'duration minDuration quorum minVotes minScore minMargin';
export const VOTING_PARAMETERS = document<
  { project: { votingParameters: VotingParameters } },
  { slug: string }
>(
  `query VotingParameters($slug: String!) { project(slug: $slug) { votingParameters { ${VOTING_FIELDS} } } }`,
);
export const UPDATE_VOTING_PARAMETERS = document<
  { updateProject: { votingParameters: VotingParameters } },
  { slug: string; votingParameters: Partial<VotingParameters> }
>(
  `mutation UpdateVotingParameters($slug: String!, $votingParameters: VotingParametersInput) {
    updateProject(slug: $slug, votingParameters: $votingParameters) { votingParameters { ${VOTING_FIELDS} } } }`,
);

export const FLAGGED_ACCOUNTS = document<
  { flaggedAccounts: AbuseFlag[] },
  { project: string; locale: string | null }
>(
  `query FlaggedAccounts($project: String!, $locale: String) {
    flaggedAccounts(project: $project, locale: $locale) { id kind evidence detectedAt reportId users { id displayName } } }`,
);

export const DISMISS_ABUSE_FLAG = document<
  { dismissAbuseFlag: boolean },
  { project: string; locale: string | null; id: string; reason: string }
>(
  `mutation DismissAbuseFlag($project: String!, $locale: String, $id: ID!, $reason: String!) {
    dismissAbuseFlag(project: $project, locale: $locale, id: $id, reason: $reason) }`,
);
