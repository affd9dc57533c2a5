import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { IS_PUBLIC } from '../auth/public.decorator';
import { RATE_LIMITS } from './rate-limited.decorator';

/**
 * The key @nestjs/graphql's @Query and @Mutation write on their handler (not exported by the
 * package's entry point); the "finds the resolvers" tests fail if a version stops using it.
 */
const RESOLVER_TYPE_METADATA = 'graphql:resolver_type';

/**
 * Queries left out, each costing no more than a request's floor: `me` reads the cached session
 * (the web client asks it on every page) and `health` is `SELECT 1` plus a queue ping (a load
 * balancer's probe must never be refused).
 */
const UNBUDGETED = new Set(['IdentityResolver.me', 'HealthResolver.health']);

/**
 * Mutations left out: `signIn` is limited by its failures (per IP, per account, consecutive), so
 * a person who mistypes is never refused for trying again; `signOut` must always end a session;
 * `benchFloor` exists only in a benchmark's API (BENCH_FLOOR) and is W2's floor without limits.
 */
const UNLIMITED_MUTATIONS = new Set([
  'IdentityResolver.signIn',
  'IdentityResolver.signOut',
  'BenchFloorResolver.benchFloor',
]);

function resolverFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return resolverFiles(path);
    return entry.name.endsWith('.resolver.ts') ? [path] : [];
  });
}

interface Handler {
  readonly name: string;
  readonly isPublic: boolean;
  readonly limits: readonly string[];
}

/** Every @Query (or @Mutation) handler of every resolver class under src/. */
function handlersOf(type: 'Query' | 'Mutation'): Handler[] {
  const srcRoot = join(__dirname, '..', '..');
  return resolverFiles(srcRoot).flatMap((file) =>
    Object.values(require(file) as Record<string, unknown>).flatMap((exported) => {
      if (typeof exported !== 'function') return [];
      const proto = (exported as { prototype: object }).prototype;
      return Object.getOwnPropertyNames(proto).flatMap((method) => {
        const handler = (proto as Record<string, unknown>)[method];
        if (typeof handler !== 'function') return [];
        if (Reflect.getMetadata(RESOLVER_TYPE_METADATA, handler) !== type) return [];
        const limits = (Reflect.getMetadata(RATE_LIMITS, handler) ?? []) as string[];
        return [
          {
            name: `${exported.name}.${method}`,
            isPublic:
              Reflect.getMetadata(IS_PUBLIC, handler) === true ||
              Reflect.getMetadata(IS_PUBLIC, exported) === true,
            limits,
          },
        ];
      });
    }),
  );
}

describe('queries', () => {
  const handlers = handlersOf('Query');

  it('finds the resolvers (the scan itself works)', () => {
    const names = handlers.map((h) => h.name);
    expect(names).toEqual(
      expect.arrayContaining(['ProgressResolver.leaderboard', 'TranslationResolver.strings']),
    );
    expect(handlers.length).toBeGreaterThan(20);
  });

  it('each count against a budget, so a loop meets a limit signed in or out', () => {
    const unbudgeted = handlers
      .filter((h) => h.limits.length === 0 && !UNBUDGETED.has(h.name))
      .map((h) => h.name);
    expect(unbudgeted).toEqual([]);
  });

  it('leave out only what is listed, and everything listed exists and is public', () => {
    const listed = handlers.filter((h) => UNBUDGETED.has(h.name));
    expect(listed.map((h) => h.name).sort()).toEqual([...UNBUDGETED].sort());
    expect(listed.every((h) => h.isPublic)).toBe(true);
  });
});

describe('mutations', () => {
  const handlers = handlersOf('Mutation');

  it('finds the resolvers (the scan itself works)', () => {
    const names = handlers.map((h) => h.name);
    expect(names).toEqual(
      expect.arrayContaining(['VotingResolver.castVote', 'VotingResolver.submitTranslation']),
    );
    expect(handlers.length).toBeGreaterThan(40);
  });

  it('each count against a limit, so a script in a loop meets one', () => {
    const unlimited = handlers
      .filter((h) => h.limits.length === 0 && !UNLIMITED_MUTATIONS.has(h.name))
      .map((h) => h.name);
    expect(unlimited).toEqual([]);
  });

  it('leave out only what is listed, and everything listed exists', () => {
    const names = new Set(handlers.map((h) => h.name));
    expect([...UNLIMITED_MUTATIONS].filter((name) => !names.has(name))).toEqual([]);
  });
});
