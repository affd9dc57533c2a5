// W8 translate: volunteers submitting translations through GraphQL over HTTP (submitTranslation,
// with the web client's selection), each to strings nobody translated yet, in a project with a
// glossary, against the authenticated floor `benchFloor` (session + one inserted row) in the same
// run and API process. After the run the database must hold exactly the acknowledged candidates.
// Run: npm run bench -- w8-submit [--strings N --terms N --translators N --submits N]
import { type CpuPerRequest, cpuPerRequest, fmtCpu, sampleCpu } from './support/cpu';
import { type LoadResult, graphqlCode, graphqlOk, gqlBody, runLoad } from './support/load';
import {
  type BenchRow,
  flag,
  fmtMb,
  fmtMs,
  fmtRate,
  machine,
  printRows,
  record,
  table,
} from './support/report';
import { LOAD_VOTING, seedLocales, seedProject, seedUsers } from './support/seed';
import { analyzeSeeded } from './support/autovacuum';
import { seedDecidedWinners } from '../test/support/delivery-seed';
import {
  benchEnv,
  createBenchDatabase,
  ensureBuilt,
  must,
  startApiProcess,
  type BenchDatabase,
  type BenchEnv,
} from './support/stack';

// The web client's submit (apps/web/src/api/translation-operations.ts, SUBMIT_TRANSLATION).
const SUBMIT = `mutation($input: SubmitTranslationInput!) {
  submitTranslation(input: $input) {
    mergedIntoExisting warnings { code severity form message }
    candidate { id forms { category text } status origin createdAt eligible isMine myVote
      findings { code severity form message } author { id displayName }
      tally { wPlus wMinus upvoters downvoters score upperBound } } } }`;
const AUTH_FLOOR = 'mutation { benchFloor }';

export interface W8Options {
  readonly env: BenchEnv;
  /** Source strings in the locale, none translated (each submit takes its own). */
  readonly strings: number;
  /** Glossary terms of the project; every source text names one of them. */
  readonly terms: number;
  /** Concurrent translators (closed loop), each an account with a session. */
  readonly translators: number;
  readonly submits: number;
  readonly log?: (line: string) => void;
}

export interface W8Result {
  readonly options: W8Options;
  readonly authFloor: LoadResult;
  readonly submits: LoadResult;
  readonly cpu: { readonly authFloor: CpuPerRequest; readonly submits: CpuPerRequest };
  /** Community candidates in the database after the run. */
  readonly stored: number;
  readonly apiPeakRssMb: number;
}

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ne',
  'ru',
  'si',
  'to',
  'va',
  'ze',
  'po',
  'da',
  'fe',
  'gi',
  'hu',
  'jo',
  'bi',
];

/** Term j: a made-up word of three syllables ("kalomi…"), so terms start with many prefixes. */
export function termWord(j: number): string {
  const at = (k: number) => SYLLABLES[Math.floor(j / 16 ** k) % 16] ?? '';
  return `${at(0)}${at(1)}${at(2)}${j >= 4096 ? String(j) : ''}`;
}

/**
 * `count` source strings "Open the <term i mod terms> settings (<i>)" and `terms` glossary terms,
 * each with its term string in the glossary namespace and its `match_key`, as the glossary import
 * writes them (the key in SQL: the words are ASCII, where lower() is JavaScript's toLowerCase).
 * A tenth of the terms are "do not translate"; the others have an approved translation in
 * `approved.localeId` (the term itself, imported and decided, as a project whose glossary was
 * translated first has; not counted as a submit). Returns the strings' ids in catalogue order.
 */
async function seedCatalogue(
  db: BenchDatabase['db'],
  projectId: string,
  count: number,
  terms: number,
  approved: { readonly localeId: string; readonly authorId: string },
): Promise<string[]> {
  const [ns, glossaryNs] = await db.query<{ id: string }[]>(
    `INSERT INTO namespace (project_id, name) VALUES ($1, 'app'), ($1, '$glossary') RETURNING id`,
    [projectId],
  );
  const words = Array.from({ length: terms }, (_, j) => termWord(j));
  const text = `'Open the ' || ($4::text[])[i % $3::int + 1] || ' settings (' || i || ')'`;
  const strings = await db.query<{ id: string }[]>(
    `INSERT INTO source_string (project_id, namespace_id, unit_key, key, kind, path, forms, source_text, source_hash, position)
     SELECT $1, $2, 's:k' || i, 'k' || i, 'simple', jsonb_build_array('k' || i),
            jsonb_build_object('', ${text}), ${text}, md5(${text}), i
       FROM generate_series(0, $5::int - 1) AS i
     ORDER BY i
     RETURNING id`,
    [projectId, must(ns, 'namespace').id, terms, words, count],
  );
  await db.query(
    `WITH s AS (
       INSERT INTO source_string (project_id, namespace_id, unit_key, key, kind, path, forms, source_text, source_hash, position)
       SELECT $1, $2, 's:' || w, w, 'simple', jsonb_build_array(w), jsonb_build_object('', w), w, md5(w), j
         FROM unnest($3::text[]) WITH ORDINALITY AS x(w, j)
       RETURNING id, key, position)
     INSERT INTO glossary_term (project_id, string_id, term, description, part_of_speech, do_not_translate, match_key)
     SELECT $1, s.id, s.key, 'A part of the app', 'noun', s.position % 10 = 0, lower(left(s.key, 3)) FROM s`,
    [projectId, must(glossaryNs, 'glossary namespace').id, words],
  );
  // The approved translations: without them the check had nothing to compare, and the tables it
  // reads them from were empty, which no translated project's are.
  const termStrings = await db.query<{ id: string; forms: string; source_hash: string }[]>(
    `SELECT s.id, s.forms::text AS forms, s.source_hash FROM glossary_term g
       JOIN source_string s ON s.id = g.string_id
      WHERE g.project_id = $1 AND NOT g.do_not_translate`,
    [projectId],
  );
  await seedDecidedWinners(db, {
    projectId,
    localeId: approved.localeId,
    authorId: approved.authorId,
    winners: termStrings.map((t) => ({
      stringId: t.id,
      forms: t.forms,
      sourceHash: t.source_hash,
    })),
    origin: 'import',
  });
  return strings.map((s) => s.id);
}

export async function runW8Submit(options: W8Options): Promise<W8Result> {
  const log = options.log ?? (() => undefined);
  if (options.submits > options.strings)
    throw new Error('each submit needs a string of its own: --strings ≥ --submits');
  const database = await createBenchDatabase(options.env);
  const api = await startApiProcess({
    env: options.env,
    database,
    extraEnv: { BENCH_FLOOR: 'true' },
  });
  try {
    const { db } = database;
    const project = await seedProject(db, 'w8', LOAD_VOTING);
    const locales = await seedLocales(db, project.id, ['en', 'pl']);
    const strings = await seedCatalogue(db, project.id, options.strings, options.terms, {
      localeId: must(locales['pl'], 'pl'),
      authorId: project.ownerId,
    });
    const translators = await seedUsers(db, 'translator', options.translators);
    await analyzeSeeded(db);
    log(`seeded ${strings.length} strings, ${options.terms} glossary terms`);

    const port = Number(new URL(api.baseUrl).port);
    const cookie = (u: number) => ({ cookie: must(translators.cookies[u], 'cookie') });
    const perTranslator = Math.ceil(options.submits / options.translators);
    const closedLoop = (total: number, body: (u: number, n: number) => string | null) =>
      runLoad({
        concurrency: options.translators,
        total,
        maxMs: 600_000,
        next: (u, n) => {
          const b = body(u, n);
          return b === null ? null : { port, path: '/graphql', body: b, headers: cookie(u) };
        },
        accept: graphqlOk,
        failureCode: graphqlCode,
      });

    const beforeFloor = await sampleCpu(db, [api.pid]);
    const authFloor = await closedLoop(options.submits, () => gqlBody(AUTH_FLOOR));
    const floorCpu = cpuPerRequest(beforeFloor, await sampleCpu(db, [api.pid]), authFloor.ok);
    log(
      `auth floor: ${authFloor.ok} writes, ${fmtRate(authFloor.rps, 'req')}, p99 ${fmtMs(authFloor.p99)}, server CPU ${fmtCpu(floorCpu)} per request`,
    );

    const beforeSubmits = await sampleCpu(db, [api.pid]);
    // Translator u's n-th submit: a string of its own (u's block of the catalogue).
    const submits = await closedLoop(options.submits, (u, n) => {
      const i = u * perTranslator + n;
      const stringId = strings[i];
      if (n >= perTranslator || stringId === undefined) return null;
      // Keeps the source's term as written (a tenth of the terms are "do not translate").
      return gqlBody(SUBMIT, {
        input: {
          stringId,
          locale: 'pl',
          forms: [
            { category: '', text: `Otwórz ustawienia ${termWord(i % options.terms)} (${i})` },
          ],
        },
      });
    });
    const submitCpu = cpuPerRequest(beforeSubmits, await sampleCpu(db, [api.pid]), submits.ok);
    log(
      `submits: ${submits.ok} ok, ${submits.failed} failed ${JSON.stringify(submits.failures)}, ${fmtRate(submits.rps, 'submits')}, p99 ${fmtMs(submits.p99)}, server CPU ${fmtCpu(submitCpu)} per submit`,
    );
    const [row] = await db.query<{ n: number }[]>(
      "SELECT count(*)::int AS n FROM translation WHERE origin = 'community'",
    );
    return {
      options,
      authFloor,
      submits,
      cpu: { authFloor: floorCpu, submits: submitCpu },
      stored: row?.n ?? 0,
      apiPeakRssMb: api.peakRssMb(),
    };
  } finally {
    await api.stop();
    await database.drop();
  }
}

export function w8Row(r: W8Result): BenchRow {
  const o = r.options;
  const submitMs = r.cpu.submits.apiMs + r.cpu.submits.dbMs;
  const floorMs = r.cpu.authFloor.apiMs + r.cpu.authFloor.dbMs;
  return {
    scenario: 'W8 translate',
    size: `${o.submits.toLocaleString('en-US')} submits, ${o.translators} translators, ${o.strings.toLocaleString('en-US')} strings, ${o.terms.toLocaleString('en-US')} glossary terms`,
    floor: `auth ${fmtRate(r.authFloor.rps, 'req')} (p99 ${fmtMs(r.authFloor.p99)}), server CPU ${fmtCpu(r.cpu.authFloor)} per request`,
    result: `${fmtRate(r.submits.rps, 'submits')} (p99 ${fmtMs(r.submits.p99)}); stored ${r.stored}/${r.submits.ok}${r.submits.failed > 0 ? `, ${r.submits.failed} refused` : ''}; server CPU ${fmtCpu(r.cpu.submits)} per submit`,
    ratio: `${(r.submits.rps / Math.max(0.001, r.authFloor.rps)).toFixed(2)}× rate, ${(submitMs / Math.max(0.001, floorMs)).toFixed(1)}× CPU`,
    goal: 'stored = acknowledged, none refused (rate and CPU: informational)',
    pass: r.stored === r.submits.ok && r.submits.failed === 0,
    peakRss: `api ${fmtMb(r.apiPeakRssMb)}`,
  };
}

async function main(): Promise<void> {
  const env = benchEnv();
  ensureBuilt(env, console.log);
  const r = await runW8Submit({
    env,
    strings: flag('strings', 20_000),
    terms: flag('terms', 2_000),
    translators: flag('translators', 100),
    submits: flag('submits', 5_000),
    log: console.log,
  });
  const rows = [w8Row(r)];
  printRows(rows);
  const o = r.options;
  const body = [
    `${o.translators} translators (closed loop, real sessions) submit ${o.submits.toLocaleString('en-US')} translations through HTTP with the web`,
    "client's selection (the created candidate with its findings and tally), each to a string nobody",
    `translated yet, in a project of ${o.strings.toLocaleString('en-US')} strings whose glossary has ${o.terms.toLocaleString('en-US')} terms (every source text names one, so`,
    'the glossary check has work; the terms not marked "do not translate" have an approved Polish translation,',
    'imported and decided before the run). Floor = `mutation { benchFloor }` (session + one inserted row) in',
    "the same run and API process; server CPU = API process + the bench database's Postgres backends.",
    'Each submit opens a round, so it also schedules its close (a delayed BullMQ job) and publishes',
    'a live event. Stored = community candidates in the database after the run.',
    '',
    table(rows),
  ].join('\n');
  await record('## W8 translate', body, rows, await machine(env));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
