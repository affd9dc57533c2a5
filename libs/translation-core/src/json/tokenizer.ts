import { fail, ok } from '../result';
import type { Result } from '../result';
import { utf8Length } from '../hash/utf8';
import type { CatalogueError, CatalogueErrorCode, ParseLimits } from './parse-errors';
import { DEFAULT_PARSE_LIMITS, HARD_MAX_DEPTH } from './parse-errors';

/**
 * A strict JSON reader that keeps what JSON.parse throws away: duplicate keys, member order and line numbers.
 * Objects are entry lists, never JS objects, so keys such as "__proto__" are plain data.
 */
export type JsonNode = JsonObject | JsonArray | JsonString | JsonScalar;
export interface JsonObject {
  readonly type: 'object';
  readonly line: number;
  readonly column: number;
  readonly members: readonly JsonMember[];
}
export interface JsonArray {
  readonly type: 'array';
  readonly line: number;
  readonly column: number;
  readonly items: readonly JsonNode[];
}
export interface JsonString {
  readonly type: 'string';
  readonly line: number;
  readonly column: number;
  readonly value: string;
}
export interface JsonScalar {
  readonly type: 'number' | 'boolean' | 'null';
  readonly line: number;
  readonly column: number;
  readonly raw: string;
}
export interface JsonMember {
  readonly key: string;
  readonly line: number;
  readonly column: number;
  readonly value: JsonNode;
}

/** Thrown to unwind on a fatal error; a plain object, so no stack trace is captured (hostile input is hot). */
const ABORT: { readonly abort: true } = { abort: true };

interface State {
  readonly text: string;
  readonly limits: ParseLimits;
  pos: number;
  line: number;
  lineStart: number;
  keys: number;
  readonly path: string[];
  readonly errors: CatalogueError[];
}

function keyPath(s: State): string {
  return s.path.join('.');
}

function report(
  s: State,
  code: CatalogueErrorCode,
  message: string,
  line = s.line,
  column = s.pos - s.lineStart + 1,
): void {
  s.errors.push({ code, message, key: keyPath(s), line, column });
  if (s.errors.length >= s.limits.maxErrors) throw ABORT;
}

function fatal(s: State, code: CatalogueErrorCode, message: string): never {
  s.errors.push({ code, message, key: keyPath(s), line: s.line, column: s.pos - s.lineStart + 1 });
  throw ABORT;
}

function describeChar(s: State): string {
  if (s.pos >= s.text.length) return 'end of file';
  return JSON.stringify(s.text.charAt(s.pos));
}

function syntax(s: State, expected: string): never {
  const where = s.path.length > 0 ? ` after key "${keyPath(s)}"` : '';
  fatal(
    s,
    'JSON_SYNTAX',
    `Line ${s.line}: expected ${expected} but found ${describeChar(s)}${where}. The file is not valid JSON.`,
  );
}

function skipWs(s: State): void {
  const t = s.text;
  while (s.pos < t.length) {
    const c = t.charCodeAt(s.pos);
    if (c === 0x20 || c === 0x09 || c === 0x0d) s.pos++;
    else if (c === 0x0a) {
      s.pos++;
      s.line++;
      s.lineStart = s.pos;
    } else break;
  }
}

function tooLong(s: State, maxLength: number, what: 'key' | 'value'): never {
  const limit = what === 'key' ? 'maxKeyLength' : 'maxValueLength';
  fatal(
    s,
    what === 'key' ? 'KEY_TOO_LONG' : 'VALUE_TOO_LONG',
    `Line ${s.line}: a ${what} is longer than ${maxLength} characters (limit ${limit}).`,
  );
}

function readString(s: State, maxLength: number, what: 'key' | 'value'): string {
  const t = s.text;
  const end = t.length;
  // s.pos is at the opening quote.
  s.pos++;
  let out = '';
  for (;;) {
    // Fast path: a run of ordinary characters.
    const chunkStart = s.pos;
    let pos = s.pos;
    let c = 0;
    while (pos < end) {
      c = t.charCodeAt(pos);
      if (c === 0x22 || c === 0x5c || c < 0x20) break;
      pos++;
    }
    s.pos = pos;
    if (pos - chunkStart + out.length > maxLength) tooLong(s, maxLength, what);
    out += t.slice(chunkStart, pos);
    if (pos >= end) syntax(s, 'a closing quote');
    if (c === 0x22) {
      s.pos++;
      return out;
    }
    if (c < 0x20) syntax(s, 'no raw control characters inside a string (use \\n or \\t)');
    const e = t.charCodeAt(pos + 1);
    switch (e) {
      case 0x22:
        out += '"';
        break;
      case 0x5c:
        out += '\\';
        break;
      case 0x2f:
        out += '/';
        break;
      case 0x62:
        out += '\b';
        break;
      case 0x66:
        out += '\f';
        break;
      case 0x6e:
        out += '\n';
        break;
      case 0x72:
        out += '\r';
        break;
      case 0x74:
        out += '\t';
        break;
      case 0x75: {
        const hex = t.slice(pos + 2, pos + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
          s.pos++;
          syntax(s, 'four hex digits after \\u');
        }
        out += String.fromCharCode(parseInt(hex, 16));
        s.pos += 4;
        break;
      }
      default:
        s.pos++;
        syntax(s, 'a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)');
    }
    s.pos += 2;
    if (out.length > maxLength) tooLong(s, maxLength, what);
  }
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

function readValue(s: State, depth: number): JsonNode {
  skipWs(s);
  const t = s.text;
  const line = s.line;
  const column = s.pos - s.lineStart + 1;
  const c = t.charCodeAt(s.pos);
  if (c === 0x7b || c === 0x5b) {
    if (depth + 1 > s.limits.maxDepth) {
      fatal(
        s,
        'TOO_DEEP',
        `Line ${s.line}: nesting is deeper than ${s.limits.maxDepth} levels (limit maxDepth).`,
      );
    }
    return c === 0x7b
      ? readObject(s, depth + 1, line, column)
      : readArray(s, depth + 1, line, column);
  }
  if (c === 0x22)
    return { type: 'string', line, column, value: readString(s, s.limits.maxValueLength, 'value') };
  for (const [word, type] of [
    ['true', 'boolean'],
    ['false', 'boolean'],
    ['null', 'null'],
  ] as const) {
    if (t.startsWith(word, s.pos)) {
      s.pos += word.length;
      return { type, line, column, raw: word };
    }
  }
  NUMBER.lastIndex = s.pos;
  const m = NUMBER.exec(t);
  if (m) {
    s.pos += m[0].length;
    return { type: 'number', line, column, raw: m[0] };
  }
  return syntax(s, 'a value');
}

function countKey(s: State): void {
  s.keys++;
  if (s.keys > s.limits.maxKeys) {
    fatal(
      s,
      'TOO_MANY_KEYS',
      `Line ${s.line}: the file has more than ${s.limits.maxKeys} keys (limit maxKeys).`,
    );
  }
}

function readObject(s: State, depth: number, line: number, column: number): JsonObject {
  s.pos++;
  const members: JsonMember[] = [];
  const seen = new Set<string>();
  skipWs(s);
  if (s.text.charCodeAt(s.pos) === 0x7d) {
    s.pos++;
    return { type: 'object', line, column, members };
  }
  for (;;) {
    skipWs(s);
    if (s.text.charCodeAt(s.pos) !== 0x22) syntax(s, 'a quoted property name');
    const keyLine = s.line;
    const keyColumn = s.pos - s.lineStart + 1;
    const key = readString(s, s.limits.maxKeyLength, 'key');
    countKey(s);
    skipWs(s);
    if (s.text.charCodeAt(s.pos) !== 0x3a) syntax(s, '":"');
    s.pos++;
    s.path.push(key);
    const value = readValue(s, depth);
    if (seen.has(key)) {
      report(
        s,
        'DUPLICATE_KEY',
        `Line ${keyLine}: key "${keyPath(s)}" appears twice in the same object; JSON readers keep only one of them. Remove or rename the duplicate.`,
        keyLine,
        keyColumn,
      );
    } else {
      seen.add(key);
      members.push({ key, line: keyLine, column: keyColumn, value });
    }
    s.path.pop();
    skipWs(s);
    const c = s.text.charCodeAt(s.pos);
    if (c === 0x2c) {
      s.pos++;
      continue;
    }
    if (c === 0x7d) {
      s.pos++;
      return { type: 'object', line, column, members };
    }
    syntax(s, '"," or "}"');
  }
}

function readArray(s: State, depth: number, line: number, column: number): JsonArray {
  s.pos++;
  const items: JsonNode[] = [];
  skipWs(s);
  if (s.text.charCodeAt(s.pos) === 0x5d) {
    s.pos++;
    return { type: 'array', line, column, items };
  }
  for (;;) {
    countKey(s);
    s.path.push(String(items.length));
    items.push(readValue(s, depth));
    s.path.pop();
    skipWs(s);
    const c = s.text.charCodeAt(s.pos);
    if (c === 0x2c) {
      s.pos++;
      continue;
    }
    if (c === 0x5d) {
      s.pos++;
      return { type: 'array', line, column, items };
    }
    syntax(s, '"," or "]"');
  }
}

function invalidLimits(limits: ParseLimits): string | null {
  for (const [name, value] of Object.entries(limits)) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
      return `limit ${name} must be a positive integer`;
  }
  if (limits.maxDepth > HARD_MAX_DEPTH) return `limit maxDepth must be at most ${HARD_MAX_DEPTH}`;
  return null;
}

/**
 * Parses JSON text strictly. Syntax errors and limit violations stop at once; duplicate keys are collected
 * (up to maxErrors) so an author sees them all in one go. Never throws for any input string.
 */
export function parseJsonStrict(
  text: string,
  limits: Partial<ParseLimits> = {},
): Result<JsonNode, CatalogueError> {
  const l: ParseLimits = { ...DEFAULT_PARSE_LIMITS, ...limits };
  const bad = invalidLimits(l);
  if (bad !== null)
    return fail([
      {
        code: 'INVALID_OPTIONS',
        message: `Invalid parse options: ${bad}.`,
        key: '',
        line: 0,
        column: 0,
      },
    ]);
  if (text.length > l.maxBytes || utf8Length(text) > l.maxBytes) {
    return fail([
      {
        code: 'INPUT_TOO_LARGE',
        message: `The file is larger than ${l.maxBytes} bytes (limit maxBytes). Split it into several namespaces.`,
        key: '',
        line: 0,
        column: 0,
      },
    ]);
  }
  const s: State = {
    text,
    limits: l,
    pos: 0,
    line: 1,
    lineStart: 0,
    keys: 0,
    path: [],
    errors: [],
  };
  if (text.charCodeAt(0) === 0xfeff) {
    s.pos = 1;
    s.lineStart = 1;
  }
  try {
    const root = readValue(s, 0);
    skipWs(s);
    if (s.pos < text.length) syntax(s, 'end of file');
    return s.errors.length > 0 ? fail(s.errors) : ok(root);
  } catch (e) {
    if (e === ABORT) return fail(s.errors);
    throw e;
  }
}
