import { parseJsonStrict } from './tokenizer';
import type { JsonNode } from './tokenizer';

function errorsOf(text: string, limits = {}) {
  const r = parseJsonStrict(text, limits);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

describe('parseJsonStrict', () => {
  it('keeps member order and line numbers', () => {
    const r = parseJsonStrict('{\n  "b": "1",\n  "a": {\n    "c": "2"\n  }\n}');
    expect(r.ok).toBe(true);
    if (!r.ok || r.value.type !== 'object') return;
    expect(r.value.members.map((m) => [m.key, m.line])).toEqual([
      ['b', 2],
      ['a', 3],
    ]);
    const a = r.value.members[1]!.value;
    expect(a.type === 'object' && a.members[0]!.line).toBe(4);
  });

  it('reports duplicate keys with key path and line (JSON.parse would keep the last silently)', () => {
    const errors = errorsOf(
      '{\n  "a": {\n    "x": "1",\n    "x": "2"\n  },\n  "b": "1",\n  "b": "2"\n}',
    );
    expect(errors.map((e) => [e.code, e.key, e.line])).toEqual([
      ['DUPLICATE_KEY', 'a.x', 4],
      ['DUPLICATE_KEY', 'b', 7],
    ]);
    expect(errors[0]!.message).toContain('Line 4');
  });

  it.each([
    ['{', 'JSON_SYNTAX'],
    ['{"a": "b",}', 'JSON_SYNTAX'],
    ['{"a" "b"}', 'JSON_SYNTAX'],
    ["{'a': 'b'}", 'JSON_SYNTAX'],
    ['{"a": "b\nc"}', 'JSON_SYNTAX'],
    ['{"a": "\\x"}', 'JSON_SYNTAX'],
    ['{"a": "\\u12"}', 'JSON_SYNTAX'],
    ['{"a": 01}', 'JSON_SYNTAX'],
    ['{"a": tru}', 'JSON_SYNTAX'],
    ['{} {}', 'JSON_SYNTAX'],
    ['', 'JSON_SYNTAX'],
  ])('rejects %j with %s', (text, code) => {
    expect(errorsOf(text)[0]!.code).toBe(code);
  });

  it('decodes escapes like JSON.parse, including lone surrogate escapes', () => {
    const text = '{"k": "a\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud800"}';
    const r = parseJsonStrict(text);
    expect(r.ok).toBe(true);
    if (!r.ok || r.value.type !== 'object') return;
    const v = r.value.members[0]!.value;
    expect(v.type === 'string' && v.value).toBe((JSON.parse(text) as { k: string }).k);
  });

  it('accepts a BOM and reports scalars as typed nodes', () => {
    const r = parseJsonStrict('\ufeff{"n": -1.5e3, "t": true, "f": false, "z": null}');
    expect(r.ok).toBe(true);
    if (!r.ok || r.value.type !== 'object') return;
    expect(r.value.members.map((m) => (m.value as Extract<JsonNode, { raw: string }>).raw)).toEqual(
      ['-1.5e3', 'true', 'false', 'null'],
    );
  });

  it('enforces limits passed as parameters', () => {
    expect(errorsOf('{"a": "b"}', { maxBytes: 5 })[0]!.code).toBe('INPUT_TOO_LARGE');
    expect(errorsOf('{"ééé": "b"}', { maxBytes: 12 })[0]!.code).toBe('INPUT_TOO_LARGE');
    expect(errorsOf('{"a": {"b": {"c": "d"}}}', { maxDepth: 2 })[0]!.code).toBe('TOO_DEEP');
    expect(errorsOf('{"a": "1", "b": "2", "c": "3"}', { maxKeys: 2 })[0]!.code).toBe(
      'TOO_MANY_KEYS',
    );
    expect(errorsOf(`{"${'k'.repeat(20)}": "v"}`, { maxKeyLength: 10 })[0]!.code).toBe(
      'KEY_TOO_LONG',
    );
    expect(errorsOf(`{"k": "${'v'.repeat(20)}"}`, { maxValueLength: 10 })[0]!.code).toBe(
      'VALUE_TOO_LONG',
    );
    expect(errorsOf('{}', { maxDepth: 0 })[0]!.code).toBe('INVALID_OPTIONS');
    expect(errorsOf('{}', { maxDepth: 5000 })[0]!.code).toBe('INVALID_OPTIONS');
  });

  it('survives nesting far deeper than the limit without a stack overflow', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    expect(errorsOf(deep)[0]!.code).toBe('TOO_DEEP');
  });

  it('treats __proto__ as an ordinary key', () => {
    const r = parseJsonStrict('{"__proto__": {"polluted": "yes"}, "constructor": "x"}');
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    if (!r.ok || r.value.type !== 'object') return;
    expect(r.value.members.map((m) => m.key)).toEqual(['__proto__', 'constructor']);
  });

  it('stops collecting after maxErrors', () => {
    const text = `{${Array.from({ length: 50 }, () => '"a": "1"').join(',')}}`;
    expect(errorsOf(text, { maxErrors: 5 })).toHaveLength(5);
  });
});
