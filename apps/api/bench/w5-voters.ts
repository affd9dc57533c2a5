// W5's voter phases: a second project with strings under vote, where the same volunteers open the
// vote page's list, ask for their next string to vote on and open its candidate list, each as the
// web client asks.
import { type CpuPerRequest, cpuPerRequest, sampleCpu } from './support/cpu';
import { seedCollectingRounds } from '../test/support/bulk-rounds';
import {
  type LoadRequest,
  type LoadResult,
  graphqlCode,
  graphqlOk,
  gqlBody,
  runLoad,
} from './support/load';
import { seedLocales, seedProject, seedUsers } from './support/seed';
import { analyzeSeeded } from './support/autovacuum';
import { type BenchDatabase, must } from './support/stack';
import { WEB_CANDIDATE_LIST_FIELDS, WEB_STRING_FIELDS } from './support/web-fields';

/**
 * A voter's next string, with what the web client's string view selects (its STRING_FIELDS in
 * apps/web/src/api/fragments.ts): the string, its winner with author and tally, its round with
 * the decision and its approval, and the screenshots (each of those has its own resolver).
 */
const VOTER_NEXT = `query($p: String!, $s: [ID!]) {
  nextString(project: $p, locale: "pl", filter: NEEDS_VOTES, skip: $s) {
    id key kind context sourceHash status candidateCount locked sourceForms { category text }
    requiredForms { category examples } screenshots { id url x y width height }
    winner { id status myVote author { id displayName } tally { score upvoters } }
    round { id state deadline reasons needsDecision { reasons }
      decision { decided summary candidates { candidateId score rank } approval { reason } } } } }`;

/** The string page's candidate list (CANDIDATES in apps/web/src/api/translation-operations.ts). */
const PAGE_CANDIDATES = `query($id: ID!) {
  candidates(stringId: $id, locale: "pl") { ${WEB_CANDIDATE_LIST_FIELDS} } }`;

/** Strings on the vote page (`first` of its STRING_PAGE request). */
const VOTE_PAGE_ROWS = 50;

/** The vote page's list (STRING_PAGE in apps/web/src/vote/vote-page.tsx, no total). */
const VOTE_PAGE = `query($p: String!) {
  strings(project: $p, locale: "pl", filter: NEEDS_VOTES, first: ${VOTE_PAGE_ROWS}) {
    pageInfo { hasNextPage endCursor } edges { cursor node { ${WEB_STRING_FIELDS} } } } }`;

/** Unmeasured requests before each measured phase (at most a fifth of the phase). */
const WARM_UP_REQUESTS = 2_000;

/** A list page answers VOTE_PAGE_ROWS strings: its phase runs a tenth of the requests of the others. */
const LIST_SHARE = 10;

export interface VoterPhases {
  /** The vote page's list of strings under vote (`requests / LIST_SHARE` pages). */
  readonly lists: LoadResult;
  readonly listsCpu: CpuPerRequest;
  /** nextString(filter: NEEDS_VOTES) with the web client's selection. */
  readonly voters: LoadResult;
  readonly votersCpu: CpuPerRequest;
  /** The string page's candidate list, for the strings the voters were handed. */
  readonly pages: LoadResult;
  readonly pagesCpu: CpuPerRequest;
}

export interface VoterPhaseOptions {
  readonly keys: number;
  readonly volunteers: number;
  readonly requests: number;
  readonly maxMs?: number;
}

/** Both phases over `keys` strings under vote (a collecting round, someone else's candidate each). */
export async function voterPhases(
  db: BenchDatabase['db'],
  api: { readonly port: number; readonly pid: number },
  cookies: readonly string[],
  options: VoterPhaseOptions,
): Promise<VoterPhases> {
  const project = await seedProject(db, 'w5-votes');
  const locales = await seedLocales(db, project.id, ['en', 'pl']);
  const early = await seedUsers(db, 'early-voter', 3);
  await seedCollectingRounds(db, {
    projectId: project.id,
    localeId: must(locales['pl'], 'pl'),
    authorId: project.ownerId,
    voterIds: early.ids,
    count: options.keys,
    voting: {},
    deadlineAt: () => new Date(Date.now() + 3_600_000),
  });
  await analyzeSeeded(db);
  const cookie = (u: number): string => must(cookies[u % options.volunteers], 'cookie');
  const last = new Map<number, string>();
  const handedIds: string[] = [];
  const ask = (u: number): LoadRequest => {
    const skip = last.get(u % options.volunteers);
    return {
      port: api.port,
      path: '/graphql',
      body: gqlBody(VOTER_NEXT, { p: project.slug, s: skip === undefined ? [] : [skip] }),
      headers: { cookie: cookie(u) },
    };
  };
  const handed = (status: number, body: string, u: number): boolean => {
    if (!graphqlOk(status, body)) return false;
    const id = (JSON.parse(body) as { data: { nextString: { id: string } | null } }).data.nextString
      ?.id;
    if (id !== undefined) {
      last.set(u % options.volunteers, id);
      handedIds.push(id);
    }
    return id !== undefined;
  };
  const page = (u: number): LoadRequest => ({
    port: api.port,
    path: '/graphql',
    body: gqlBody(PAGE_CANDIDATES, { id: must(handedIds[u % handedIds.length], 'handed id') }),
    headers: { cookie: cookie(u) },
  });
  const list = (u: number): LoadRequest => ({
    port: api.port,
    path: '/graphql',
    body: gqlBody(VOTE_PAGE, { p: project.slug }),
    headers: { cookie: cookie(u) },
  });
  const fullPage = (status: number, body: string): boolean =>
    graphqlOk(status, body) &&
    (JSON.parse(body) as { data: { strings: { edges: unknown[] } } }).data.strings.edges.length ===
      Math.min(VOTE_PAGE_ROWS, options.keys);
  const measured = async (
    next: (u: number) => LoadRequest,
    accept: (status: number, body: string, u: number) => boolean,
    requests = options.requests,
  ): Promise<{ load: LoadResult; cpu: CpuPerRequest }> => {
    const load = (total: number) =>
      runLoad({
        concurrency: options.volunteers,
        total,
        maxMs: options.maxMs ?? 60_000,
        next,
        accept,
        failureCode: graphqlCode,
      });
    await load(Math.min(WARM_UP_REQUESTS, Math.ceil(requests / 5)));
    const before = await sampleCpu(db, [api.pid]);
    const result = await load(requests);
    return { load: result, cpu: cpuPerRequest(before, await sampleCpu(db, [api.pid]), result.ok) };
  };
  const lists = await measured(list, fullPage, Math.ceil(options.requests / LIST_SHARE));
  const voters = await measured(ask, handed);
  if (handedIds.length === 0) throw new Error('no voter was handed a string');
  const pages = await measured(page, graphqlOk);
  return {
    lists: lists.load,
    listsCpu: lists.cpu,
    voters: voters.load,
    votersCpu: voters.cpu,
    pages: pages.load,
    pagesCpu: pages.cpu,
  };
}
