import { extractPlaceholders } from './extract';
import { extractInterpolations } from './interpolation';
import { extractNestings } from './nesting';
import { extractTags, tagsBalanced } from './tags';

describe('interpolations (A4)', () => {
  it('extracts plain, spaced, unescaped and formatted placeholders', () => {
    const ips = extractInterpolations(
      '{{x}} {{ y }} {{- z}} {{-w}} {{v, number}} {{d, datetime(dateStyle: short)}} {{author.name}}',
    );
    expect(ips.map((i) => [i.name, i.root, i.format, i.unescaped])).toEqual([
      ['x', 'x', null, false],
      ['y', 'y', null, false],
      ['z', 'z', null, true],
      ['w', 'w', null, true],
      ['v', 'v', 'number', false],
      ['d', 'd', 'datetime(dateStyle:short)', false],
      ['author.name', 'author', null, false],
    ]);
  });

  it('splits the name at the first top-level comma only', () => {
    const [ip] = extractInterpolations('{{val, currency(USD, narrow), lowercase}}');
    expect([ip!.name, ip!.format]).toEqual(['val', 'currency(USD,narrow),lowercase']);
  });

  it('behaves like i18next {{(.+?)}}: no newline inside, at least one character', () => {
    expect(extractInterpolations('{{a\n}} {{b}}').map((i) => i.name)).toEqual(['b']);
    expect(extractInterpolations('{{}}')).toEqual([]);
    // Like the regex, "{{}} {{b}}" matches lazily up to the first "}}" after one character.
    expect(extractInterpolations('{{}} {{b}}').map((i) => i.raw)).toEqual(['{{}} {{b}}']);
    expect(extractInterpolations('{"count": {{sourceCount}}}').map((i) => i.raw)).toEqual([
      '{{sourceCount}}',
    ]);
    expect(extractInterpolations('{{{a}}}').map((i) => i.name)).toEqual(['{a']);
  });

  it('is linear on hostile input', () => {
    expect(extractInterpolations('{{'.repeat(100_000))).toEqual([]);
    expect(extractInterpolations('{{\n'.repeat(50_000) + '}}')).toEqual([]);
  });
});

describe('nesting (A5)', () => {
  it('extracts keys and option keys', () => {
    const n = extractNestings(
      'from $t(budget-template-source, {"count": {{sourceCount}} }) and $t(common:key) $t(x, {\'a\': 1})',
    );
    expect(n.map((x) => [x.key, x.optionKeys])).toEqual([
      ['budget-template-source', ['count']],
      ['common:key', []],
      ['x', ['a']],
    ]);
  });

  it('marks options that are not JSON', () => {
    expect(extractNestings('$t(a, {count: 1})')[0]!.optionKeys).toBeNull();
  });

  it('handles parentheses and quotes inside the call, and unclosed calls', () => {
    expect(extractNestings('$t(a, {"x": "(b)"}) $t(c').map((n) => n.key)).toEqual(['a']);
    expect(extractNestings('$t(' + 'a'.repeat(100_000))).toEqual([]);
  });
});

describe('tags (A8)', () => {
  it('extracts indexed, self-closing, basic and named tags with attributes', () => {
    const tags = extractTags(
      '<0>Hi</0> <1/> <br/> <strong>b</strong> <Link href="/x" target=_blank>go</Link>',
    );
    expect(
      tags.map((t) => [t.name, t.kind, t.attributes.map((a) => `${a.name}=${a.value ?? ''}`)]),
    ).toEqual([
      ['0', 'open', []],
      ['0', 'close', []],
      ['1', 'self', []],
      ['br', 'self', []],
      ['strong', 'open', []],
      ['strong', 'close', []],
      ['Link', 'open', ['href=/x', 'target=_blank']],
      ['Link', 'close', []],
    ]);
  });

  it('ignores text that only looks like markup', () => {
    expect(extractTags('a < b, 3 <= 4, <a+b>, x > y, < 0 >')).toEqual([]);
  });

  it('checks balance', () => {
    expect(tagsBalanced(extractTags('<0><1>a</1></0>'))).toBe(true);
    expect(tagsBalanced(extractTags('<0><1>a</0></1>'))).toBe(false);
    expect(tagsBalanced(extractTags('<0>a'))).toBe(false);
    expect(tagsBalanced(extractTags('a</0>'))).toBe(false);
  });

  it('is linear on hostile input', () => {
    expect(extractTags('<a'.repeat(100_000))).toEqual([]);
    expect(extractTags('<a' + ' '.repeat(100_000))).toEqual([]);
  });
});

describe('extractPlaceholders', () => {
  it('returns all three kinds', () => {
    const p = extractPlaceholders('<0>{{n}}</0> $t(k)');
    expect([p.interpolations.length, p.nestings.length, p.tags.length]).toEqual([1, 1, 2]);
  });
});
