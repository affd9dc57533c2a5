// W4 benchmark: export 50 locales × 20k keys through the real bundle build, against a floor measured in
// the same run (COPY OUT of the same rows + JSON serialization).
// Run: npm run bench -- w4-export [--locales N --keys N]
// Uses a throw-away database chorus_bench_<pid> on BENCH_DATABASE_URL (default the local Postgres),
// dropped at the end. Rewrites the "W4" section of docs/benchmarks.md (other sections kept).
import { pluralLocales } from '@chorus/translation-core';
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { copyOut, copyUuid } from '../src/database/copy-out';
import { dataSourceOptions } from '../src/database/data-source-options';
import { runMigrations } from '../src/database/run-migrations';
import { BundleBuildService } from '../src/delivery/bundle-build.service';
import { BundleThread } from '../src/delivery/bundle-thread';
import { recordRebuildRequest } from '../src/delivery/bundle-rebuild.producer';
import type { WebhookService } from '../src/delivery/webhook.service';

export interface W4Options {
  readonly adminUrl: string;
  readonly locales: number;
  readonly keys: number;
  readonly namespaces: number;
  readonly log?: (line: string) => void;
}

export interface W4Result {
  readonly locales: number;
  readonly keys: number;
  readonly winners: number;
  readonly bundles: number;
  readonly floorRows: number;
  readonly floorMs: number;
  readonly buildMs: number;
  readonly rebuildUnchangedMs: number;
  /** One winner of one locale changed: the build a decision requests. */
  readonly rebuildOneLocaleMs: number;
  readonly seedMs: number;
  readonly ratio: number;
  readonly peakRssMb: number;
}

function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

function unescapeCopy(field: string): string {
  return field.replace(/\\(.)/g, (_, c: string) =>
    c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c,
  );
}

/** The floor: COPY OUT the rows a build reads, then JSON.stringify one object per bundle. */
async function floor(url: string, projectId: string): Promise<{ ms: number; rows: number }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    const copied = await copyOut(
      client,
      `SELECT s.namespace_id, 'source', s.key, s.kind, s.forms FROM source_string s
          WHERE s.project_id = ${copyUuid(projectId)} AND s.removed_at IS NULL
         UNION ALL
         SELECT s.namespace_id, l.code, s.key, s.kind, t.forms
           FROM translation_unit tu JOIN translation t ON t.id = tu.winner_translation_id
           JOIN source_string s ON s.id = tu.string_id JOIN locale l ON l.id = tu.locale_id
          WHERE tu.project_id = ${copyUuid(projectId)} AND s.removed_at IS NULL`,
    );
    const text = copied.toString('utf8');
    const files = new Map<string, Record<string, string>>();
    let rows = 0;
    for (const line of text.split('\n')) {
      if (line === '') continue;
      rows++;
      const [ns, locale, key, kind, forms] = line.split('\t') as [
        string,
        string,
        string,
        string,
        string,
      ];
      const file = `${locale}/${ns}`;
      let out = files.get(file);
      if (out === undefined) files.set(file, (out = {}));
      const value = JSON.parse(unescapeCopy(forms)) as Record<string, string>;
      if (kind === 'plural')
        for (const [c, v] of Object.entries(value)) out[`${unescapeCopy(key)}_${c}`] = v;
      else out[unescapeCopy(key)] = value[''] ?? '';
    }
    let bytes = 0;
    for (const obj of files.values()) bytes += JSON.stringify(obj, null, 2).length;
    if (bytes === 0) throw new Error('floor serialized nothing');
    return { ms: performance.now() - started, rows };
  } finally {
    await client.end();
  }
}

/** Generates the project server-side (generate_series), so seeding is not what is measured. */
async function seed(
  ds: DataSource,
  options: W4Options,
): Promise<{ projectId: string; winners: number }> {
  const [user] = (await ds.query(
    `INSERT INTO "user" (email, display_name, password_hash) VALUES ('bench@example.test', 'Bench', 'x') RETURNING id`,
  )) as { id: string }[];
  const [project] = (await ds.query(
    `INSERT INTO project (slug, name, source_locale) VALUES ('w4', 'W4', 'en') RETURNING id`,
  )) as { id: string }[];
  const projectId = (project as { id: string }).id;
  const codes = pluralLocales()
    .filter((c) => c !== 'en' && !c.includes('-'))
    .slice(0, options.locales - 1);
  await ds.query(`INSERT INTO locale (project_id, code) SELECT $1, unnest($2::text[])`, [
    projectId,
    ['en', ...codes],
  ]);
  const perNamespace = Math.ceil(options.keys / options.namespaces);
  await ds.query(
    `INSERT INTO namespace (project_id, name, nested_keys)
     SELECT $1, 'ns' || n, true FROM generate_series(1, $2) n`,
    [projectId, options.namespaces],
  );
  // Every 10th string is a plural with all six categories; the rest are simple strings, nested
  // two levels deep (section.key) so the nested writer does real work.
  await ds.query(
    `INSERT INTO source_string (project_id, namespace_id, unit_key, key, kind, path, forms, source_text, source_hash, position)
     SELECT $1, ns.id,
            CASE WHEN i % 10 = 0 THEN 'p:' ELSE 's:' END || k.key, k.key,
            CASE WHEN i % 10 = 0 THEN 'plural' ELSE 'simple' END,
            jsonb_build_array('section' || (i % 50), 'key' || i),
            CASE WHEN i % 10 = 0
              THEN jsonb_build_object('one', '{{count}} item ' || i, 'other', '{{count}} items ' || i)
              ELSE jsonb_build_object('', 'Source text number ' || i || ' with {{value}}') END,
            'Source text number ' || i, md5(i::text) || md5(i::text), i
       FROM namespace ns, generate_series(1, $2) i,
            LATERAL (SELECT 'section' || (i % 50) || '.key' || i AS key) k
      WHERE ns.project_id = $1`,
    [projectId, perNamespace],
  );
  await ds.query(
    `INSERT INTO translation_unit (project_id, string_id, locale_id)
     SELECT $1, s.id, l.id FROM source_string s, locale l
      WHERE s.project_id = $1 AND l.project_id = $1 AND l.code <> 'en'`,
    [projectId],
  );
  await ds.query(
    `INSERT INTO translation (unit_id, author_id, source_hash, forms, dedupe_key)
     SELECT tu.id, $2, s.source_hash, f.forms, f.forms::text
       FROM translation_unit tu JOIN source_string s ON s.id = tu.string_id
       JOIN locale l ON l.id = tu.locale_id,
       LATERAL (SELECT CASE WHEN s.kind = 'plural'
         THEN jsonb_build_object('zero', l.code || ' zero', 'one', l.code || ' {{count}} one',
              'two', l.code || ' {{count}} two', 'few', l.code || ' {{count}} few',
              'many', l.code || ' {{count}} many', 'other', l.code || ' {{count}} other ' || s.position)
         ELSE jsonb_build_object('', l.code || ': translated text ' || s.position || ' with {{value}}')
         END AS forms) f
      WHERE tu.project_id = $1`,
    [projectId, (user as { id: string }).id],
  );
  const updated = (await ds.query(
    `UPDATE translation_unit tu SET winner_translation_id = t.id, winner_source_hash = t.source_hash,
            decided_at = now()
       FROM translation t WHERE t.unit_id = tu.id AND tu.project_id = $1`,
    [projectId],
  )) as [unknown, number];
  await ds.query('ANALYZE');
  return { projectId, winners: updated[1] };
}

export async function runW4Export(options: W4Options): Promise<W4Result> {
  const log = options.log ?? (() => undefined);
  const database = `chorus_bench_${process.pid}`;
  const admin = new Client({ connectionString: options.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${database}`);
  const url = databaseUrl(options.adminUrl, database);
  const ds = new DataSource(dataSourceOptions(url, 'chorus-bench'));
  const thread = new BundleThread();
  try {
    await runMigrations(url, { log: () => undefined });
    await ds.initialize();
    const seedStart = performance.now();
    const { projectId, winners } = await seed(ds, options);
    const seedMs = performance.now() - seedStart;
    log(
      `seeded ${options.locales} locales × ${options.keys} keys (${winners} winners) in ${(seedMs / 1000).toFixed(1)} s`,
    );

    const noWebhooks = { notify: () => Promise.resolve(0) } as unknown as WebhookService;
    const builder = new BundleBuildService(ds, noWebhooks, thread);
    const floorResult = await floor(url, projectId);
    log(`floor: ${floorResult.rows} rows in ${floorResult.ms.toFixed(0)} ms`);
    const buildStart = performance.now();
    const outcome = await builder.rebuild(projectId, new Date());
    const buildMs = performance.now() - buildStart;
    log(`build: ${outcome?.bundles ?? 0} bundles in ${buildMs.toFixed(0)} ms`);
    // What a source import that changed nothing requests: every locale, nothing to write.
    await recordRebuildRequest(ds, projectId);
    const again = performance.now();
    const second = await builder.rebuild(projectId, new Date());
    const rebuildUnchangedMs = performance.now() - again;
    if ((second?.changed.length ?? -1) !== 0)
      throw new Error('an unchanged rebuild changed bundles');
    // What a decision requests: one winner of one locale changed, that locale rebuilt.
    const [changedWinner] = (await ds.query(
      `UPDATE translation t SET forms = jsonb_build_object('', 'changed by the benchmark')
         FROM translation_unit tu JOIN source_string s ON s.id = tu.string_id
         JOIN locale l ON l.id = tu.locale_id
        WHERE t.id = tu.winner_translation_id AND tu.project_id = $1 AND s.kind = 'simple'
          AND tu.id = (SELECT u.id FROM translation_unit u JOIN locale ul ON ul.id = u.locale_id
                        JOIN source_string us ON us.id = u.string_id
                       WHERE u.project_id = $1 AND ul.code <> 'en' AND us.kind = 'simple' LIMIT 1)
        RETURNING l.code`,
      [projectId],
    )) as [{ code: string }[], number];
    const code = changedWinner[0]?.code;
    if (code === undefined) throw new Error('no winner to change');
    await recordRebuildRequest(ds, projectId, [code]);
    const oneStart = performance.now();
    const third = await builder.rebuild(projectId, new Date());
    const rebuildOneLocaleMs = performance.now() - oneStart;
    if (third?.builtLocales.length !== 1 || third.changed.length !== 1)
      throw new Error(`a one-winner rebuild built ${JSON.stringify(third?.builtLocales)}`);
    log(
      `rebuild: unchanged ${rebuildUnchangedMs.toFixed(0)} ms, one locale ${rebuildOneLocaleMs.toFixed(0)} ms`,
    );
    return {
      locales: options.locales,
      keys: options.keys,
      winners,
      bundles: outcome?.bundles ?? 0,
      floorRows: floorResult.rows,
      floorMs: floorResult.ms,
      buildMs,
      rebuildUnchangedMs,
      rebuildOneLocaleMs,
      seedMs,
      ratio: buildMs / floorResult.ms,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    await thread.onApplicationShutdown();
    if (ds.isInitialized) await ds.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
}

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i < 0 ? undefined : Number(process.argv[i + 1]);
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

async function main(): Promise<void> {
  const adminUrl =
    process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const r = await runW4Export({
    adminUrl,
    locales: flag('locales', 50),
    keys: flag('keys', 20_000),
    namespaces: flag('namespaces', 4),
    log: (line) => console.log(line),
  });
  const goal = 5;
  const table = [
    '| scenario | bundles | rows | floor ms | build ms | ratio | goal | unchanged rebuild ms | one-locale rebuild ms | peak RSS MB |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${r.locales} locales × ${r.keys} keys | ${r.bundles} | ${r.floorRows} | ${r.floorMs.toFixed(0)} | ${r.buildMs.toFixed(0)} | ${r.ratio.toFixed(2)}× | ≤ ${goal}× | ${r.rebuildUnchangedMs.toFixed(0)} | ${r.rebuildOneLocaleMs.toFixed(0)} | ${r.peakRssMb.toFixed(0)} |`,
  ].join('\n');
  console.log(`\n${table}\n`);
  console.log(r.ratio <= goal ? `within the goal (≤ ${goal}×)` : `ABOVE the goal (≤ ${goal}×)`);

  const repoRoot = resolve(__dirname, '../../..');
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', { cwd: repoRoot }).toString().trim();
  } catch {
    // not a checkout
  }
  const cpu = cpus();
  const section = [
    '## W4',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} at commit ${commit} on ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, local PostgreSQL, with \`npm run bench -- w4-export\`.`,
    'build = the real rebuild path (`BundleBuildService.rebuild`: read source strings and winners, translation-core `buildBundle` per',
    'locale and namespace, canonical bytes + SHA-256, manifest, write changed rows in one transaction), on a cold project.',
    'floor = COPY OUT of the same rows (source strings + winners) and `JSON.stringify` of one object per bundle, in the same run.',
    'Every 10th key is a plural (all six categories offered; each locale keeps its required ones). Goal: build ≤ 5× floor.',
    'unchanged rebuild = a whole-project request (what a source import asks for) that changes nothing; one-locale rebuild =',
    "one winner changed and its locale requested (what a decision asks for): the other locales' stored bundles are reused.",
    '',
    table,
    '',
  ].join('\n');
  const docs = resolve(repoRoot, 'docs/benchmarks.md');
  const before = existsSync(docs) ? readFileSync(docs, 'utf8') : '# Benchmarks\n';
  const start = before.indexOf('\n## W4');
  let after: string;
  if (start < 0) after = `${before.trimEnd()}\n\n${section}`;
  else {
    const next = before.indexOf('\n## ', start + 1);
    after = `${before.slice(0, start)}\n${section}${next < 0 ? '' : `\n${before.slice(next + 1)}`}`;
  }
  writeFileSync(docs, after.endsWith('\n') ? after : `${after}\n`);
  console.log(`recorded in ${docs}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
