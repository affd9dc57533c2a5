import { document } from '../graphql-client';
import type { LeaderboardEntry, LocaleStats, Project } from './types';

const PROJECT_FIELDS = 'id slug name sourceLocale visibility';

/** Projects per page of the list; a full page means there may be more. */
export const PROJECTS_PAGE = 100;

export const PROJECTS = document<{ projects: Project[] }, { after: string | null }>(
  `query Projects($after: String) {
    projects(first: ${PROJECTS_PAGE}, after: $after) { ${PROJECT_FIELDS} } }`,
);

export const PROJECT = document<{ project: Project }, { slug: string }>(
  `query Project($slug: String!) { project(slug: $slug) { ${PROJECT_FIELDS} } }`,
);

export const CREATE_PROJECT = document<
  { createProject: Project },
  { input: { name: string; slug: string; sourceLocale: string; visibility: string } }
>(
  `mutation CreateProject($input: CreateProjectInput!) { createProject(input: $input) { ${PROJECT_FIELDS} } }`,
);

export const LOCALE_STATS = document<{ localeStats: LocaleStats[] }, { project: string }>(
  `query LocaleStats($project: String!) {
    localeStats(project: $project) { locale total untranslated voting decided stale coverage } }`,
);

export const LEADERBOARD = document<
  { leaderboard: LeaderboardEntry[] },
  { project: string; locale: string }
>(
  `query Leaderboard($project: String!, $locale: String!) {
    leaderboard(project: $project, locale: $locale) {
      user { id displayName } accepted agree disagree reliability candidates votes badges } }`,
);
