/** The query parameter that turns in-context mode on (`=1`) or off (`=0`) for this tab. */
export const QUERY_PARAM = 'chorus-in-context';
/** sessionStorage flag: the tab asked for in-context mode (survives navigation, not the tab). */
export const STORAGE_KEY = 'chorus-in-context';

export interface ActivationInput {
  /** The build allows in-context mode at all (the `enabled` option). */
  readonly enabled: boolean;
  /** location.search */
  readonly search: string;
  /** The tab's stored request (sessionStorage), or null. */
  readonly stored: string | null;
}

export type Activation =
  | { readonly requested: false; readonly store: 'clear' | 'keep' }
  | { readonly requested: true; readonly store: 'set' | 'keep' };

/**
 * Whether this tab asks for in-context mode. A build that is not enabled never does (and stores
 * nothing); `?chorus-in-context=0` switches a tab off again. A request is only a request: the
 * plugin still needs a Chorus session before it marks anything.
 */
export function activation(input: ActivationInput): Activation {
  if (!input.enabled) return { requested: false, store: 'keep' };
  const value = new URLSearchParams(input.search).get(QUERY_PARAM);
  if (value === '1' || value === 'true') return { requested: true, store: 'set' };
  if (value === '0' || value === 'false') return { requested: false, store: 'clear' };
  return input.stored === '1'
    ? { requested: true, store: 'keep' }
    : { requested: false, store: 'keep' };
}

export interface Shortcut {
  readonly key: string;
  readonly alt: boolean;
  readonly shift: boolean;
  readonly ctrl: boolean;
  readonly meta: boolean;
}

/** Parses `Alt+Shift+C`-style shortcuts (modifiers in any order, one key). */
export function parseShortcut(text: string): Shortcut {
  const parts = text.split('+').map((p) => p.trim().toLowerCase());
  const key = parts.pop() ?? '';
  if (key === '') throw new Error(`shortcut "${text}" names no key`);
  const known = new Set(['alt', 'shift', 'ctrl', 'control', 'meta', 'cmd']);
  for (const p of parts) if (!known.has(p)) throw new Error(`shortcut "${text}": unknown "${p}"`);
  return {
    key,
    alt: parts.includes('alt'),
    shift: parts.includes('shift'),
    ctrl: parts.includes('ctrl') || parts.includes('control'),
    meta: parts.includes('meta') || parts.includes('cmd'),
  };
}

export interface KeyLike {
  readonly key: string;
  readonly code: string;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
}

/** Alt changes `key` on some layouts (Alt+C types "ç" on a Mac), so letters also match by `code`. */
export function matchesShortcut(event: KeyLike, s: Shortcut): boolean {
  if (event.altKey !== s.alt || event.shiftKey !== s.shift) return false;
  if (event.ctrlKey !== s.ctrl || event.metaKey !== s.meta) return false;
  if (event.key.toLowerCase() === s.key) return true;
  return /^[a-z]$/.test(s.key) && event.code === `Key${s.key.toUpperCase()}`;
}

/**
 * What a build allows when the app does not say: bundlers replace `process.env.NODE_ENV`, so a
 * production build is off unless the app passes `enabled: true`.
 */
declare const process: { env: { NODE_ENV?: string } };
export function defaultEnabled(): boolean {
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return true; // no bundler and no process: a development page loaded as is
  }
}
