import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { buildBundles } from './support/bundle-build';
import { localeId, seedNamespace, seedWinnersFromJson } from './support/delivery-seed';
import { signedInClient } from './support/graphql-client';
import type { INestApplicationContext } from '@nestjs/common';
import {
  flushQueueKeys,
  resetDatabase,
  startApi,
  startWorker,
  testConfig,
  type RunningApi,
} from './support/test-app';

// Repo root from this file (apps/api/test), never an absolute path.
const repoRoot = resolve(__dirname, '../../..');
const fixtures = process.env['CHORUS_FIXTURES'] ?? resolve(repoRoot, '../shared/fixtures');
const corpus = resolve(fixtures, 'actualbudget');

interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The real `chorus` command as a child process (TypeScript sources through @swc-node/register). */
function chorus(
  args: readonly string[],
  cwd: string,
  env: Record<string, string>,
): Promise<CliRun> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [
        '-r',
        require.resolve('@swc-node/register'),
        join(repoRoot, 'apps/cli/src/main.ts'),
        ...args,
      ],
      {
        cwd,
        env: {
          PATH: process.env['PATH'] ?? '',
          SWC_NODE_PROJECT: join(repoRoot, 'tsconfig.base.json'),
          ...env,
        },
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        done({ code, stdout, stderr });
      },
    );
  });
}

/** A port nothing listens on: bound, then released. */
function closedPort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
  });
}

if (!existsSync(corpus)) {
  describe('chorus CLI end to end', () => {
    it('is not available here', () => {
      console.warn(`skipped: corpus not found at ${corpus} (set CHORUS_FIXTURES)`);
    });
  });
} else {
  describe('chorus CLI end to end (child process, real API)', () => {
    let api: RunningApi;
    let worker: INestApplicationContext;
    let dir: string;
    let pullToken: string;
    let env: Record<string, string>;
    let plCoverage: number;

    beforeAll(async () => {
      // Imports above 1,000 units run as jobs, so `chorus push` of en.json exercises 202 + polling.
      api = await startApi(testConfig({ IMPORT_ASYNC_UNITS: '1000' }));
      await resetDatabase(api.app);
      worker = await startWorker(api.config);
      dir = mkdtempSync(join(tmpdir(), 'chorus-e2e-'));
      const owner = await signedInClient(api.baseUrl, 'owner');
      const created = await owner.client.ok<{ createProject: { id: string } }>(
        'mutation { createProject(input: { slug: "budget", name: "Budget", sourceLocale: "en", visibility: "private" }) { id } }',
      );
      const projectId = created.createProject.id;
      pullToken = (
        await owner.client.ok<{ createApiToken: { secret: string } }>(
          'mutation { createApiToken(project: "budget", name: "ci", scopes: [pull]) { secret } }',
        )
      ).createApiToken.secret;
      // Seeded straight into the tables (the push test below goes through the import endpoint).
      const ds = api.app.get(DataSource);
      const en = readFileSync(join(corpus, 'en.json'), 'utf8');
      const catalogue = await seedNamespace(ds, projectId, 'translation', 'en', en, false);
      for (const locale of ['pl', 'de']) {
        await seedWinnersFromJson(ds, catalogue, {
          projectId,
          localeId: await localeId(ds, projectId, locale),
          locale,
          authorId: owner.id,
          json: readFileSync(join(corpus, `${locale}.json`), 'utf8'),
          nested: false,
        });
      }
      // Seeded past the import, so no rebuild was requested: build as the worker would after one.
      await buildBundles(api.app, projectId);
      env = { CHORUS_URL: api.baseUrl, CHORUS_TOKEN: pullToken };
    });

    afterAll(async () => {
      rmSync(dir, { recursive: true, force: true });
      await worker.close();
      await flushQueueKeys(api.config);
      await api.close();
    });

    it('prints coverage per locale (status --json)', async () => {
      const r = await chorus(['--json', 'status', '--project', 'budget'], dir, env);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      const status = JSON.parse(r.stdout) as {
        locales: { locale: string; coverage: number; totalUnits: number }[];
      };
      expect(status.locales.map((l) => l.locale)).toEqual(['de', 'en', 'pl']);
      const pl = status.locales.find((l) => l.locale === 'pl');
      expect(pl?.totalUnits).toBe(2646);
      plCoverage = pl?.coverage ?? -1;
      expect(plCoverage).toBeGreaterThan(10);
      expect(plCoverage).toBeLessThan(100);
    });

    it('pulls identical bytes and the same lock twice, passing the gate at 0', async () => {
      const args = [
        'pull',
        '--project',
        'budget',
        '--out',
        'public/locales',
        '--min-coverage',
        '0',
      ];
      const first = await chorus(args, dir, env);
      expect(first.code).toBe(0);
      // Not a TTY: plain progress lines, one per file.
      expect(first.stderr).toContain('pull 3/3 pl/translation.json');
      // The lock sits beside the output directory (issue 16), not in the working directory.
      const lock = readFileSync(join(dir, 'public/chorus.lock.json'), 'utf8');
      const pl = readFileSync(join(dir, 'public/locales/pl/translation.json'));
      expect(JSON.parse(pl.toString())).toMatchObject({ '(deleted)': '(usunięte)' });
      const second = await chorus(args, dir, env);
      expect(second.code).toBe(0);
      expect(readFileSync(join(dir, 'public/chorus.lock.json'), 'utf8')).toBe(lock);
      expect(readFileSync(join(dir, 'public/locales/pl/translation.json')).equals(pl)).toBe(true);
      expect(Object.keys((JSON.parse(lock) as { files: object }).files)).toEqual([
        'locales/de/translation.json',
        'locales/en/translation.json',
        'locales/pl/translation.json',
      ]);
    });

    it('fails the gate (exit 2) just above the real coverage', async () => {
      const bar = String(Math.floor(plCoverage) + 1);
      const r = await chorus(
        ['pull', '--project', 'budget', '--out', 'gate', '--locales', 'pl', '--min-coverage', bar],
        dir,
        env,
      );
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        `chorus: pl coverage ${plCoverage.toFixed(1)}% is below --min-coverage ${bar}%`,
      );
    });

    it('verifies a checkout against the lock (exit 2 on a changed file)', async () => {
      await chorus(['pull', '--project', 'budget', '--out', 'public/locales'], dir, env);
      const verify = ['pull', '--verify', '--out', 'public/locales'];
      expect((await chorus(verify, dir, {})).code).toBe(0);
      writeFileSync(join(dir, 'public/locales/de/translation.json'), '{}\n');
      const r = await chorus(verify, dir, {});
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        'chorus: locales/de/translation.json: changed (does not match the lock)\n',
      );
    });

    it('says clearly when the token is wrong (3) or the server unreachable (4)', async () => {
      const wrong = await chorus(['status', '--project', 'budget'], dir, {
        CHORUS_URL: api.baseUrl,
        CHORUS_TOKEN: 'chorus_not-a-token',
      });
      expect(wrong).toMatchObject({
        code: 3,
        stderr:
          'chorus: The API token is unknown or revoked, or its creator may no longer use it. Create a new one in the project settings. (INVALID_TOKEN)\n',
      });
      const none = await chorus(['status', '--project', 'budget'], dir, {
        CHORUS_URL: api.baseUrl,
      });
      expect(none.code).toBe(1);
      expect(none.stderr).toContain('A private project needs CHORUS_TOKEN.');
      const closed = await closedPort();
      const down = await chorus(
        ['status', '--project', 'budget', '--url', `http://127.0.0.1:${closed}`],
        dir,
        env,
      );
      expect(down).toMatchObject({
        code: 4,
        stderr: `chorus: cannot reach http://127.0.0.1:${closed}: ECONNREFUSED\n`,
      });
    });

    it('pushes the actualbudget source and two locale files, then pulls what they decided', async () => {
      const owner = await signedInClient(api.baseUrl, 'pusher');
      await owner.client.ok(
        'mutation { createProject(input: { slug: "pushed", name: "Pushed", sourceLocale: "en" }) { id } }',
      );
      const token = (
        await owner.client.ok<{ createApiToken: { secret: string } }>(
          'mutation { createApiToken(project: "pushed", name: "ci", scopes: [push, pull]) { secret } }',
        )
      ).createApiToken.secret;
      for (const locale of ['pl', 'de']) {
        await owner.client.ok(
          `mutation { addLocale(project: "pushed", code: "${locale}") { code } }`,
        );
      }
      const pushEnv = { CHORUS_URL: api.baseUrl, CHORUS_TOKEN: token };
      const files = ['en.json', 'pl.json', 'de.json'].map((f) => join(corpus, f));
      // en.json is the source (the locale named by the file equals the project's source locale).
      const source = await chorus(
        ['--json', 'push', files[0] as string, '--project', 'pushed', '--namespace', 'translation'],
        dir,
        pushEnv,
      );
      expect(source.code).toBe(0);
      const sourceResult = (JSON.parse(source.stdout) as { results: Record<string, unknown>[] })
        .results[0];
      expect(sourceResult).toMatchObject({ namespace: 'translation', locale: 'en', added: 2646 });
      const locales = await chorus(
        ['push', ...files.slice(1), '--project', 'pushed', '--namespace', 'translation'],
        dir,
        pushEnv,
      );
      expect(locales.code).toBe(0);
      expect(locales.stdout).toMatch(/pl\.json → translation \(pl, /);
      expect(locales.stdout).toMatch(/de\.json → translation \(de, /);

      const status = await chorus(['--json', 'status', '--project', 'pushed'], dir, pushEnv);
      const coverage = (
        JSON.parse(status.stdout) as { locales: { locale: string; coverage: number }[] }
      ).locales;
      const pl = coverage.find((l) => l.locale === 'pl')?.coverage ?? -1;
      expect(pl).toBeGreaterThan(10);
      const out = ['pull', '--project', 'pushed', '--out', 'pushed', '--lock', 'pushed.lock.json'];
      expect((await chorus([...out, '--min-coverage', '0'], dir, pushEnv)).code).toBe(0);
      const plFile = JSON.parse(
        readFileSync(join(dir, 'pushed/pl/translation.json'), 'utf8'),
      ) as Record<string, string>;
      expect(plFile['(deleted)']).toBe('(usunięte)');
      const gate = await chorus(
        [...out, '--locales', 'pl', '--min-coverage', String(Math.floor(pl) + 1)],
        dir,
        pushEnv,
      );
      expect(gate.code).toBe(2);
    });
  });
}
