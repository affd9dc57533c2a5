import { keyOfPath, parseI18nextJson, serializeI18nextJson } from '@chorus/translation-core';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { EXIT, CliFailure } from '../failure';
import type { ChorusHttp } from '../http';
import type { CliIo } from '../io';
import { LOCK_FILE, parseLock, sha256, writeLock } from '../lock-file';
import { bundlesOf, coverageOf, type ServerManifest } from '../manifest';
import { progress } from '../progress';

export interface PullOptions {
  readonly project: string;
  readonly out: string;
  readonly locales?: readonly string[];
  readonly namespaces?: readonly string[];
  readonly minCoverage?: number;
  readonly format: 'nested' | 'flat';
  readonly lock?: string;
  readonly json: boolean;
}

const posix = (path: string) => path.split(sep).join('/');

function pick(
  kind: string,
  wanted: readonly string[] | undefined,
  available: readonly string[],
  http: ChorusHttp,
): Set<string> {
  if (wanted === undefined || wanted.length === 0) return new Set(available);
  const unknown = wanted.filter((w) => !available.includes(w));
  if (unknown.length > 0) {
    http.fail(
      EXIT.usage,
      `unknown ${kind}(s): ${unknown.join(', ')} (the project has ${available.join(', ') || 'none'})`,
    );
  }
  return new Set(wanted);
}

/**
 * Where the lock file goes: --lock; else in the directory that holds the --out directory
 * (`--out public/locales` → `public/chorus.lock.json`), wherever the command runs from; else (a
 * `--verify` without --out) the working directory. The CLI has no config file to sit beside.
 */
export function lockPathOf(cwd: string, out: string | undefined, lock: string | undefined): string {
  if (lock !== undefined) return resolve(cwd, lock);
  if (out !== undefined) return join(dirname(resolve(cwd, out)), LOCK_FILE);
  return resolve(cwd, LOCK_FILE);
}

/**
 * Re-serializes a served bundle with flat keys through translation-core's writer. Each key is the
 * file's own path of JSON member names joined with "." (keySeparator false: a member name is never
 * split), so a flat namespace where "Saved" and "Saved. Reload the page." are both keys stays as
 * it is, and a nested one is flattened without re-splitting what the server wrote.
 */
export function toFlat(text: string, locale: string, http: ChorusHttp): string {
  const parsed = parseI18nextJson(text, { locale, keySeparator: false });
  if (!parsed.ok) return http.fail(EXIT.server, `server sent invalid JSON for ${locale}`);
  const catalogue = parsed.value.catalogue;
  // Flat files keep each key whole: one path segment holding the dotted key.
  const units = catalogue.units.map((u) => ({ ...u, path: [keyOfPath(u.path)] }));
  const flat = serializeI18nextJson({ ...catalogue, units }, { keySeparator: false });
  if (!flat.ok)
    return http.fail(EXIT.server, `cannot write ${locale} flat: ${flat.errors[0]?.message}`);
  return flat.value;
}

/**
 * `chorus pull`: reads the manifest, downloads each bundle by its hashed (immutable) URL so the
 * set is consistent, checks its sha-256, writes `<out>/<locale>/<ns>.json` and the lock file, and
 * exits 2 when a locale's coverage is below --min-coverage.
 */
export async function pull(io: CliIo, http: ChorusHttp, options: PullOptions): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const project = encodeURIComponent(options.project);
  const { body: manifest } = await http.json<ServerManifest>(
    // fresh=1: wait (503 + Retry-After) for a build that includes every change pushed before.
    `/bundles/${project}/manifest.json?fresh=1`,
  );
  const all = bundlesOf(manifest);
  const locales = pick('locale', options.locales, Object.keys(manifest.locales), http);
  const namespaces = pick('namespace', options.namespaces, manifest.namespaces, http);
  const selected = all.filter((b) => locales.has(b.locale) && namespaces.has(b.namespace));

  const outDir = resolve(cwd, options.out);
  const lockPath = lockPathOf(cwd, options.out, options.lock);
  const files: Record<string, string> = {};
  const written: { locale: string; namespace: string; file: string; hash: string }[] = [];
  const bar = progress(io, 'pull', selected.length, options.json);
  for (const b of selected) {
    const response = await http.request(`/bundles/${project}/${b.path}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    if (sha256(bytes) !== b.contentHash) {
      http.fail(
        EXIT.server,
        `${b.locale}/${b.namespace}: downloaded bytes do not match the manifest hash`,
      );
    }
    const text =
      options.format === 'flat'
        ? toFlat(bytes.toString('utf8'), b.locale, http)
        : bytes.toString('utf8');
    const file = join(outDir, b.locale, `${b.namespace}.json`);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
    const hash = sha256(text);
    files[posix(relative(dirname(lockPath), file))] = hash;
    written.push({
      locale: b.locale,
      namespace: b.namespace,
      file: posix(relative(cwd, file)),
      hash,
    });
    bar.tick(`${b.locale}/${b.namespace}.json`);
  }
  bar.done();
  await mkdir(dirname(lockPath), { recursive: true });
  await writeFile(
    lockPath,
    writeLock({
      project: options.project,
      format: options.format,
      bundleSetHash: manifest.bundleSetHash,
      files,
    }),
  );

  const coverage = coverageOf(selected);
  const below =
    options.minCoverage === undefined
      ? []
      : coverage.filter((c) => c.coverage < (options.minCoverage as number));
  if (options.json) {
    io.out(
      `${JSON.stringify({
        project: options.project,
        bundleSetHash: manifest.bundleSetHash,
        lockFile: posix(relative(cwd, lockPath)),
        files: written,
        locales: coverage,
        minCoverage: options.minCoverage ?? null,
        belowMinCoverage: below.map((c) => c.locale),
      })}\n`,
    );
  } else {
    io.out(
      `pulled ${written.length} file(s) of ${options.project} into ${posix(relative(cwd, outDir)) || '.'}; lock: ${posix(relative(cwd, lockPath))}\n`,
    );
  }
  if (below.length > 0) {
    for (const c of below) {
      io.err(
        `chorus: ${c.locale} coverage ${c.coverage.toFixed(1)}% is below --min-coverage ${options.minCoverage}% (${c.units}/${c.totalUnits} strings)\n`,
      );
    }
    throw new CliFailure(EXIT.coverage, 'coverage below the bar');
  }
  return EXIT.ok;
}

/** `chorus pull --verify`: compares files on disk with the lock; exits 2 listing every mismatch. */
export async function verify(
  io: CliIo,
  options: { readonly lock?: string; readonly out?: string; readonly json: boolean },
): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const lockPath = lockPathOf(cwd, options.out, options.lock);
  let text: string;
  try {
    text = await readFile(lockPath, 'utf8');
  } catch {
    io.err(`chorus: no lock file at ${lockPath}; run chorus pull first\n`);
    throw new CliFailure(EXIT.usage, 'no lock file');
  }
  const lock = parseLock(text);
  if (lock === null) {
    io.err(`chorus: ${lockPath} is not a chorus lock file\n`);
    throw new CliFailure(EXIT.usage, 'bad lock file');
  }
  const problems: { file: string; problem: 'missing' | 'changed' }[] = [];
  for (const [file, hash] of Object.entries(lock.files)) {
    try {
      const bytes = await readFile(resolve(dirname(lockPath), file));
      if (sha256(bytes) !== hash) problems.push({ file, problem: 'changed' });
    } catch {
      problems.push({ file, problem: 'missing' });
    }
  }
  const count = Object.keys(lock.files).length;
  if (options.json)
    io.out(`${JSON.stringify({ ok: problems.length === 0, files: count, problems })}\n`);
  else if (problems.length === 0)
    io.out(`verified ${count} file(s) against ${posix(relative(cwd, lockPath))}\n`);
  if (problems.length > 0) {
    for (const p of problems) io.err(`chorus: ${p.file}: ${p.problem} (does not match the lock)\n`);
    throw new CliFailure(EXIT.coverage, 'verify failed');
  }
  return EXIT.ok;
}
