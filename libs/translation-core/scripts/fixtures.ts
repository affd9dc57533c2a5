// Node-only helpers shared by the scripts: where the real-world corpus lives and how to read it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CorpusFile } from '../src/testing/corpus-analysis';

/** Repo root from this file (libs/translation-core/scripts), never an absolute path. */
export const repoRoot = resolve(__dirname, '../../..');

export function corpusDir(): string {
  const fixtures = process.env['CHORUS_FIXTURES'] ?? resolve(repoRoot, '../shared/fixtures');
  return resolve(fixtures, 'actualbudget');
}

export function readCorpus(dir = corpusDir()): CorpusFile[] | null {
  if (!existsSync(dir)) return null;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => ({ name, text: readFileSync(resolve(dir, name), 'utf8') }));
}
