import type { Forms, UnitKind } from '../model';
import { checkTranslation } from './check-translation';
import { CHECK_CODES, CHECK_SEVERITY, hasErrors } from './finding';

function check(
  source: Forms | string,
  target: Forms | string,
  targetLocale = 'de',
  kind?: UnitKind,
  maxLength?: number,
) {
  const s: Forms = typeof source === 'string' ? { '': source } : source;
  const t: Forms = typeof target === 'string' ? { '': target } : target;
  const k: UnitKind = kind ?? (typeof source === 'string' ? 'simple' : 'plural');
  return checkTranslation({
    source: { kind: k, forms: s, ...(maxLength === undefined ? {} : { maxLength }) },
    sourceLocale: 'en',
    targetLocale,
    forms: t,
  });
}

const codes = (...args: Parameters<typeof check>) => check(...args).map((f) => f.code);
const en = { one: 'One item', other: '{{count}} items' };

describe('placeholders (C5.3)', () => {
  it('flags a removed or added placeholder', () => {
    expect(codes('Hello {{name}}', 'Hallo')).toEqual(['PLACEHOLDER_MISSING']);
    expect(codes('Hello {{name}}', 'Hallo {{name}} {{extra}}')).toEqual(['PLACEHOLDER_EXTRA']);
    expect(codes('{{a}} and {{b}}', '{{a}} und {{a}}')).toEqual(['PLACEHOLDER_MISSING']);
  });

  it('compares the SET of names: a name used more or fewer times than the source is fine', () => {
    // Issue 16 point 3: i18next fills every occurrence, so these render correctly.
    expect(codes('{{app}} is ready', '{{app}} ist fertig, {{app}} läuft')).toEqual([]);
    expect(codes('{{a}} and {{a}}', '{{a}}')).toEqual([]);
    expect(codes('Hi {{name}}', 'Hallo {{name}} {{nmae}}')).toEqual(['PLACEHOLDER_EXTRA']);
    expect(codes('Hi {{name}}', 'Hallo {{- name}} {{name}}')).toContain('UNESCAPE_INTRODUCED');
    expect(codes('Hello {{name}}', 'Hallo {{name}}')).toEqual([]);
  });

  it('treats {{ a }} as {{a}} and compares by root path', () => {
    expect(codes('Hello {{ a }}', 'Hallo {{a}}')).toEqual([]);
    expect(codes('By {{author.name}}', 'Von {{author.name}}')).toEqual([]);
    expect(codes('By {{author.name}}', 'Von {{author.email}}')).toEqual([]);
  });

  it('makes {{-a}} introduced an error, but keeps a source that already had it', () => {
    const f = check('Hi {{a}}', 'Hallo {{-a}}');
    expect(f.map((x) => [x.code, x.severity])).toEqual([
      ['UNESCAPE_INTRODUCED', 'error'],
      ['FORMAT_CHANGED', 'warning'],
    ]);
    expect(f[0]!.message).toContain('{{a}}');
    expect(codes('Hi {{- a}}', 'Hallo {{-a}}')).toEqual([]);
  });

  it('warns when a format spec changes', () => {
    expect(check('Total {{v, number}}', 'Summe {{v}}').map((x) => [x.code, x.severity])).toEqual([
      ['FORMAT_CHANGED', 'warning'],
    ]);
    expect(codes('Total {{v, number}}', 'Summe {{ v , number }}')).toEqual([]);
  });

  it('lets en-style `one` omit {{count}}, but not ru `one` (also used for 21, 31 …)', () => {
    expect(codes(en, { one: 'Ein Element', other: '{{count}} Elemente' }, 'de')).toEqual([]);
    const ru = check(
      en,
      {
        one: 'Один элемент',
        few: '{{count}} элемента',
        many: '{{count}} элементов',
        other: '{{count}} элемента',
      },
      'ru',
    );
    expect(ru.map((f) => [f.code, f.form])).toEqual([['PLACEHOLDER_MISSING', 'one']]);
    expect(ru[0]!.message).toContain('21, 31');
    expect(
      codes(
        en,
        {
          one: '{{count}} элемент',
          few: '{{count}} элемента',
          many: '{{count}} элементов',
          other: '{{count}} элемента',
        },
        'ru',
      ),
    ).toEqual([]);
  });

  it('requires {{count}} in every multi-number form, and allows it where the source omitted it', () => {
    expect(
      check(en, { one: 'Ein Element', other: 'Elemente' }, 'de').map((f) => [f.code, f.form]),
    ).toEqual([['PLACEHOLDER_MISSING', 'other']]);
    expect(codes(en, { one: '{{count}} Element', other: '{{count}} Elemente' }, 'de')).toEqual([]);
    const ar = {
      zero: 'لا عناصر',
      one: 'عنصر واحد',
      two: 'عنصران',
      few: '{{count}} عناصر',
      many: '{{count}} عنصرًا',
      other: '{{count}} عنصر',
    };
    expect(codes(en, ar, 'ar')).toEqual([]);
  });

  it('checks a single-form language against the plural source', () => {
    expect(codes(en, { other: '{{count}} 件' }, 'ja')).toEqual([]);
    expect(codes(en, { other: '件' }, 'ja')).toEqual(['PLACEHOLDER_MISSING']);
  });
});

describe('nesting (C5.3)', () => {
  it('flags a $t() mismatch', () => {
    expect(codes('See $t(help)', 'Siehe $t(hilfe)')).toEqual(['NESTING_MISMATCH']);
    expect(codes('See $t(help)', 'Siehe Hilfe')).toEqual(['NESTING_MISMATCH']);
    expect(codes('See $t(help)', 'Siehe $t(help)')).toEqual([]);
  });

  it('requires valid JSON options with the same option keys', () => {
    const s = 'Got $t(items, {"count": {{n}} })';
    expect(codes(s, 'Bekam $t(items, {"count": {{n}} })')).toEqual([]);
    expect(codes(s, 'Bekam $t(items, {count: {{n}} })')).toEqual(['NESTING_OPTIONS_INVALID']);
    expect(codes(s, 'Bekam $t(items, {"count": {{n}}, "lng": "en" })')).toEqual([
      'NESTING_MISMATCH',
    ]);
  });
});

describe('Trans tags and HTML safety (C5.3)', () => {
  it('flags unbalanced <1>..</1>', () => {
    expect(codes('Click <1>here</1>.', 'Klicke <1>hier.')).toEqual(['TAG_UNBALANCED']);
    expect(codes('Click <1>here</1>.', 'Klicke <1>hier</0>.')).toContain('TAG_UNBALANCED');
    expect(codes('<0>a <1>b</1></0>', '<0>a <1>b</0></1>')).toEqual(['TAG_UNBALANCED']);
  });

  it('accepts reordered siblings', () => {
    expect(codes('<0>Hello</0> <1>world</1>', '<1>Welt</1> <0>Hallo</0>')).toEqual([]);
  });

  it('flags different tags and self-closing changes', () => {
    expect(codes('Hello <strong>you</strong>', 'Hallo <em>du</em>')).toEqual([
      'TAG_DROPPED',
      'TAG_MISMATCH',
    ]);
    expect(codes('Line<1/>break', 'Zeile<1></1>Umbruch')).toEqual(['TAG_SELF_CLOSING_CHANGED']);
  });

  it('warns (does not refuse) a dropped attribute-free emphasis tag or line break', () => {
    const dropped = check(
      'Save <em>now</em> or <1>later</1>',
      'Jetzt speichern oder <1>später</1>',
    );
    expect(dropped.map((f) => [f.code, f.severity])).toEqual([['TAG_DROPPED', 'warning']]);
    expect(codes('One<br/>Two', 'Eins Zwei')).toEqual(['TAG_DROPPED']);
    // Indexed and named components carry links and behaviour: still an error.
    expect(codes('Go <1>here</1>', 'Los hier')).toEqual(['TAG_MISMATCH']);
    expect(codes('Go <link>here</link>', 'Los hier')).toEqual(['TAG_MISMATCH']);
    // A basic tag with attributes in the source is not "plain".
    expect(codes('Go <b class="x">now</b>', 'Los jetzt')).toEqual(['TAG_MISMATCH']);
    // Half a tag is still unbalanced.
    expect(codes('Save <em>now</em>', 'Jetzt <em>speichern')).toContain('TAG_UNBALANCED');
  });

  it('flags new attributes and changed link targets', () => {
    expect(codes('<Link>go</Link>', '<Link href="https://evil.example">los</Link>')).toEqual([
      'TAG_ATTRIBUTE_ADDED',
    ]);
    expect(codes('<a href="/help">help</a>', '<a href="https://evil.example">Hilfe</a>')).toEqual([
      'TAG_ATTRIBUTE_CHANGED',
    ]);
    expect(codes('<a href="/help">help</a>', '<a href="/help">Hilfe</a>')).toEqual([]);
  });

  it('never allows script, on*= or javascript: that the source lacks', () => {
    expect(codes('Hello', 'Hallo <script>alert(1)</script>')).toEqual([
      'TAG_MISMATCH',
      'UNSAFE_HTML',
    ]);
    expect(codes('<0>x</0>', '<0 onclick="alert(1)">x</0>')).toEqual([
      'TAG_ATTRIBUTE_ADDED',
      'UNSAFE_HTML',
    ]);
    expect(codes('<a href="/x">x</a>', '<a href="java\nscript:alert(1)">x</a>')).toEqual([
      'TAG_ATTRIBUTE_CHANGED',
      'UNSAFE_HTML',
      'NEWLINE_COUNT',
    ]);
    expect(codes('Go to x', 'Gehe zu &#106;avascript:alert(1)')).toContain('UNSAFE_HTML');
  });
});

describe('plural completeness', () => {
  it('flags forms missing for the target locale and forms it never uses', () => {
    const f = check(en, { one: '{{count}} element', other: '{{count}} elementu' }, 'pl');
    expect(f.map((x) => [x.code, x.form])).toEqual([
      ['PLURAL_FORM_MISSING', 'few'],
      ['PLURAL_FORM_MISSING', 'many'],
    ]);
    expect(f[0]!.message).toContain('2–4, 22–24');
    expect(
      check(en, { one: 'x', two: 'y', other: '{{count}} z' }, 'de').map((x) => [x.code, x.form]),
    ).toEqual([['PLURAL_FORM_EXTRA', 'two']]);
  });

  it('an imported group: missing and foreign forms are warnings, the UI still needs every form', () => {
    const fr = { one: '{{count}} élément', other: '{{count}} éléments' };
    const imported = checkTranslation({
      source: { kind: 'plural', forms: en },
      sourceLocale: 'en',
      targetLocale: 'fr',
      forms: fr,
      origin: 'import',
    });
    expect(imported.map((x) => [x.code, x.severity, x.form])).toEqual([
      ['PLURAL_INCOMPLETE', 'warning', 'many'],
    ]);
    const ja = checkTranslation({
      source: { kind: 'plural', forms: en },
      sourceLocale: 'en',
      targetLocale: 'ja',
      forms: { one: '{{count}} 件', other: '{{count}} 件' },
      origin: 'import',
    });
    expect(ja.map((x) => [x.code, x.severity, x.form])).toEqual([
      ['PLURAL_FORM_DROPPED', 'warning', 'one'],
    ]);
    expect(hasErrors(imported) || hasErrors(ja)).toBe(false);
    // The same text written in the UI is refused until every form is there.
    expect(codes(en, fr, 'fr')).toEqual(['PLURAL_FORM_MISSING']);
  });

  it('allows the optional zero override for cardinals, not for ordinals', () => {
    expect(
      codes(en, { zero: 'Keine', one: 'Ein Element', other: '{{count}} Elemente' }, 'de'),
    ).toEqual([]);
    const ord = {
      one: '{{count}}st',
      two: '{{count}}nd',
      few: '{{count}}rd',
      other: '{{count}}th',
    };
    expect(codes(ord, { zero: '0', other: '{{count}}te' }, 'de', 'ordinal')).toEqual([
      'PLURAL_FORM_EXTRA',
    ]);
    expect(codes(ord, { other: '{{count}}te' }, 'de', 'ordinal')).toEqual([]);
  });

  it('flags plural forms on a simple unit and a single text on a plural unit', () => {
    expect(codes('Hello', { one: 'Hallo' })).toEqual(['PLURAL_FORM_EXTRA', 'EMPTY']);
    expect(codes(en, { '': 'x', one: 'Ein', other: '{{count}} Elemente' }, 'de')).toEqual([
      'PLURAL_FORM_EXTRA',
    ]);
  });

  it('warns when all plural forms are the same', () => {
    expect(codes(en, { one: '{{count}} Elemente', other: '{{count}} Elemente' }, 'de')).toEqual([
      'SAME_PLURALS',
    ]);
  });

  it('reports an unknown target locale', () => {
    expect(codes('Hello', 'Hallo', 'xx')).toEqual(['UNKNOWN_LOCALE']);
  });
});

describe('text checks', () => {
  it('flags empty and whitespace-only text', () => {
    expect(codes('Hello', '')).toEqual(['EMPTY']);
    expect(codes('Hello', ' \n\t ')).toEqual(['EMPTY']);
    expect(check(en, { one: 'Ein', other: '  ' }, 'de').map((f) => [f.code, f.form])).toEqual([
      ['EMPTY', 'other'],
    ]);
  });

  it('flags lone surrogates and control characters but allows \\n and \\t', () => {
    expect(codes('Hello', 'Hallo \ud800')).toEqual(['INVALID_TEXT']);
    expect(codes('Hello', 'Hallo \u0007')).toEqual(['INVALID_TEXT']);
    expect(codes('Hello\n\tworld', 'Hallo\n\tWelt')).toEqual([]);
    expect(codes('Hi 😀', 'Hallo 😀')).toEqual([]);
  });

  it('flags text over the max length (in characters, not UTF-16 units)', () => {
    expect(codes('Save', 'Speichern', 'de', 'simple', 5)).toEqual(['MAX_LENGTH']);
    expect(codes('Save', '😀😀😀', 'de', 'simple', 3)).toEqual([]);
  });
});

describe('warnings', () => {
  it('warns about unchanged text, but not between variants of one language or for text without letters', () => {
    expect(codes('Settings', 'Settings')).toEqual(['UNCHANGED']);
    expect(codes('Colour', 'Colour', 'en-GB')).toEqual([]);
    expect(codes('{{amount}} / 100', '{{amount}} / 100')).toEqual([]);
  });

  it('warns about whitespace and newline mismatches and double spaces', () => {
    expect(codes(' Hello', 'Hallo')).toEqual(['LEADING_WHITESPACE']);
    expect(codes('Hello ', 'Hallo')).toEqual(['TRAILING_WHITESPACE']);
    expect(codes('Hello\n', 'Hallo')).toEqual(['TRAILING_WHITESPACE', 'NEWLINE_COUNT']);
    expect(codes('A\nB', 'A B')).toEqual(['NEWLINE_COUNT']);
    expect(codes('Hello you', 'Hallo  du')).toEqual(['DOUBLE_SPACE']);
  });

  it('warns about trailing punctuation, language-aware', () => {
    expect(codes('Are you sure?', 'Bist du sicher.')).toEqual(['END_PUNCTUATION']);
    expect(codes('Are you sure?', 'Bist du sicher?')).toEqual([]);
    expect(codes('Are you sure?', 'هل أنت متأكد؟', 'ar')).toEqual([]);
    expect(codes('Are you sure?', 'Είσαι σίγουρος;', 'el')).toEqual([]);
    expect(codes('Saved.', '保存しました。', 'ja')).toEqual([]);
    expect(codes('Loading...', 'Lädt…')).toEqual([]);
    expect(codes('File saved.', 'บันทึกไฟล์แล้ว', 'th')).toEqual([]);
    expect(codes('Name:', '名前：', 'ja')).toEqual([]);
    expect(codes('OK.', 'OK')).toEqual([]);
  });
});

describe('findings', () => {
  it('carry a code, severity, form and message, with errors blocking eligibility', () => {
    const f = check('Hello {{name}}', 'Hallo');
    expect(f).toEqual([
      {
        code: 'PLACEHOLDER_MISSING',
        severity: 'error',
        form: '',
        message: expect.stringContaining('{{name}}'),
      },
    ]);
    expect(hasErrors(f)).toBe(true);
    expect(hasErrors(check('Hello ', 'Hallo'))).toBe(false);
  });

  it('export every code with a severity', () => {
    expect(CHECK_CODES.length).toBe(Object.keys(CHECK_SEVERITY).length);
    expect(CHECK_CODES.filter((c) => CHECK_SEVERITY[c] === 'warning')).toEqual([
      'UNCHANGED',
      'SAME_PLURALS',
      'LEADING_WHITESPACE',
      'TRAILING_WHITESPACE',
      'END_PUNCTUATION',
      'NEWLINE_COUNT',
      'DOUBLE_SPACE',
      'FORMAT_CHANGED',
      'TAG_DROPPED',
      'PLURAL_INCOMPLETE',
      'PLURAL_FORM_DROPPED',
      'GLOSSARY_TERM_MISMATCH',
    ]);
  });
});

describe('hostile translations', () => {
  it('are checked in linear time (no regex backtracking on long runs)', () => {
    const runs = [
      'a' + ' '.repeat(100_000) + 'b',
      '{{'.repeat(30_000),
      '{{a}}'.repeat(20_000),
      '<a'.repeat(30_000),
      '$t('.repeat(30_000),
      '/ '.repeat(30_000),
      '&#'.repeat(30_000),
    ];
    for (const t of runs) {
      const f = checkTranslation({
        source: { kind: 'simple', forms: { '': 'Hello {{a}}' } },
        sourceLocale: 'en',
        targetLocale: 'de',
        forms: { '': t },
      });
      expect(Array.isArray(f)).toBe(true);
    }
  });
});
