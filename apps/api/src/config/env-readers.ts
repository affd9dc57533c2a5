/**
 * Readers of single environment variables for env.schema.ts: each trims, validates and either
 * answers a typed value (or the fallback when unset) or throws EnvError naming the variable.
 */
import ipaddr from 'ipaddr.js';

export class EnvError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`Invalid environment: ${variable} ${detail}`);
    this.name = 'EnvError';
  }
}

export type Env = Readonly<Record<string, string | undefined>>;

/** Hides the password of a connection URL so it never reaches a log. */
export function redact(value: string): string {
  return value.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@');
}

export function read(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export function oneOf<T extends string>(
  env: Env,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = read(env, name);
  if (value === undefined) return fallback;
  const match = allowed.find((a) => a === value);
  if (match === undefined) {
    throw new EnvError(name, `must be one of ${allowed.join(', ')} (got "${value}")`);
  }
  return match;
}

export function integer(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = read(env, name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new EnvError(name, `must be an integer from ${min} to ${max} (got "${value}")`);
  }
  return n;
}

export function boolean(env: Env, name: string, fallback: boolean): boolean {
  const value = read(env, name);
  if (value === undefined) return fallback;
  if (['1', 'true', 'yes'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(value.toLowerCase())) return false;
  throw new EnvError(name, `must be true or false (got "${value}")`);
}

export function url(env: Env, name: string, protocols: readonly string[]): string | undefined {
  const value = read(env, name);
  if (value === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new EnvError(
      name,
      `must be a URL like ${protocols[0]}//host:port/… (got "${redact(value)}")`,
    );
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new EnvError(
      name,
      `must use ${protocols.join(' or ')} (got "${parsed.protocol}" in "${redact(value)}")`,
    );
  }
  if (parsed.hostname === '') throw new EnvError(name, `has no host (got "${redact(value)}")`);
  return value;
}

/** Comma-separated host names, IP addresses or CIDRs (`10.0.0.0/8`, `[::1]`, `hooks.internal`). */
export function hostList(env: Env, name: string): string[] {
  const entries = (read(env, name) ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== '');
  for (const entry of entries) {
    const bare = entry.replace(/^\[|\]$/g, '');
    const cidr = /^[0-9a-f.:]+\/\d{1,3}$/.test(bare) && ipaddr.isValidCIDR(bare);
    if (
      !cidr &&
      !ipaddr.isValid(bare) &&
      !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(bare)
    ) {
      throw new EnvError(name, `must list host names, IP addresses or CIDRs (got "${entry}")`);
    }
  }
  return entries;
}
