import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { IS_PUBLIC } from '../auth/public.decorator';
import { RATE_LIMITS } from './rate-limited.decorator';

/**
 * The key @nestjs/graphql's @Query writes on its handler (not exported by the package's entry
 * point); the first test below fails if a version stops using it.
 */
const RESOLVER_TYPE_METADATA = 'graphql:resolver_type';

/**
 * Public queries left out, each costing no more than a request's floor: `me` reads the cached
 * session (the web client asks it on every page) and `health` is `SELECT 1` plus a queue ping (a
 * load balancer's probe must never be refused).
 */
const UNBUDGETED = new Set(['IdentityResolver.me', 'HealthResolver.health']);

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

/** Every @Query handler of every resolver class under src/. */
function queryHandlers(): Handler[] {
  const srcRoot = join(__dirname, '..', '..');
  return resolverFiles(srcRoot).flatMap((file) =>
    Object.values(require(file) as Record<string, unknown>).flatMap((exported) => {
      if (typeof exported !== 'function') return [];
      const proto = (exported as { prototype: object }).prototype;
      return Object.getOwnPropertyNames(proto).flatMap((method) => {
        const handler = (proto as Record<string, unknown>)[method];
        if (typeof handler !== 'function') return [];
        if (Reflect.getMetadata(RESOLVER_TYPE_METADATA, handler) !== 'Query') return [];
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

describe('public queries', () => {
  const handlers = queryHandlers();

  it('finds the resolvers (the scan itself works)', () => {
    const names = handlers.map((h) => h.name);
    expect(names).toEqual(
      expect.arrayContaining(['ProgressResolver.leaderboard', 'TranslationResolver.strings']),
    );
    expect(handlers.length).toBeGreaterThan(20);
  });

  it('each count against a read budget, so an anonymous loop meets a limit', () => {
    const unbudgeted = handlers
      .filter((h) => h.isPublic && h.limits.length === 0 && !UNBUDGETED.has(h.name))
      .map((h) => h.name);
    expect(unbudgeted).toEqual([]);
  });
});
