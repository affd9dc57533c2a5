import { parseCsv, serializeCsv } from './csv';
import type { Glossary } from './model';
import { DEFAULT_GLOSSARY_LIMITS } from './model';
import { parseTbx, serializeTbx } from './tbx';

const glossary: Glossary = {
  sourceLocale: 'en',
  terms: [
    {
      term: 'workspace',
      description: 'Where a team keeps "its" projects, <shared>',
      partOfSpeech: 'noun',
      caseSensitive: false,
      doNotTranslate: false,
      translations: { pl: 'przestrzeń robocza', de: 'Arbeitsbereich' },
    },
    {
      term: 'Chorus',
      description: '',
      partOfSpeech: 'properNoun',
      caseSensitive: true,
      doNotTranslate: true,
      translations: {},
    },
    {
      term: '=SUM(A1)',
      description: 'line one\nline two, with comma',
      partOfSpeech: null,
      caseSensitive: false,
      doNotTranslate: false,
      translations: { de: '@Summe & Co' },
    },
  ],
};

const byTerm = (g: Glossary) => [...g.terms].sort((a, b) => (a.term < b.term ? -1 : 1));

describe('glossary CSV', () => {
  it('round-trips every field, quoting and formula-prefixing where needed', () => {
    const csv = serializeCsv(glossary);
    expect(csv.split('\r\n')[0]).toBe(
      'term,description,partOfSpeech,caseSensitive,doNotTranslate,de,pl',
    );
    expect(csv).toContain("'=SUM(A1)");
    expect(csv).toContain("'@Summe & Co");
    const parsed = parseCsv(csv, { sourceLocale: 'en' });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(byTerm(parsed.value)).toEqual(byTerm(glossary));
    expect(serializeCsv(parsed.value)).toBe(csv);
  });

  it('accepts a minimal file with only terms, a BOM and LF line ends', () => {
    const parsed = parseCsv('\uFEFFterm,pl_PL\nbudget,budżet\n\nShare,\n', { sourceLocale: 'en' });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.value.terms.map((t) => [t.term, t.translations])).toEqual([
      ['budget', { 'pl-PL': 'budżet' }],
      ['Share', {}],
    ]);
  });

  it('reports malformed files with line numbers', () => {
    const cases: [string, string][] = [
      ['', 'empty'],
      ['name,pl\nx,y\n', 'no "term" column'],
      ['term,not a locale!\nx,y\n', 'neither a known column'],
      ['term,caseSensitive\nx,maybe\n', 'true or false'],
      ['term,pl\nx,"unclosed\n', 'not closed'],
      ['term,pl\n"x"y,z\n', 'quoted field must end'],
      ['term\nx,y,z\n', 'fields'],
      ['term,partOfSpeech\nx,gerund\n', 'part of speech'],
      [`term\n${'x'.repeat(201)}\n`, 'longer than 200'],
    ];
    for (const [text, message] of cases) {
      const parsed = parseCsv(text, { sourceLocale: 'en' });
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.errors[0]?.message).toContain(message);
    }
    const tooMany = parseCsv('term\na\nb\nc\n', {
      sourceLocale: 'en',
      limits: { ...DEFAULT_GLOSSARY_LIMITS, maxTerms: 2 },
    });
    expect(tooMany.ok).toBe(false);
    const tooBig = parseCsv('term\nabc\n', {
      sourceLocale: 'en',
      limits: { ...DEFAULT_GLOSSARY_LIMITS, maxFileChars: 5 },
    });
    expect(tooBig.ok).toBe(false);
  });

  it('merges a repeated term, keeping the first translation of each locale', () => {
    const parsed = parseCsv('term,pl,de\nx,a,\nx,b,c\n', { sourceLocale: 'en' });
    if (!parsed.ok) throw new Error('failed');
    expect(parsed.value.terms).toEqual([
      expect.objectContaining({ term: 'x', translations: { pl: 'a', de: 'c' } }),
    ]);
  });
});

describe('glossary TBX', () => {
  it('round-trips through TBX v3 (TBX-Basic, DCA)', () => {
    const tbx = serializeTbx(glossary);
    expect(tbx).toContain('<tbx style="dca" type="TBX-Basic" xml:lang="en"');
    expect(tbx).toContain('&lt;shared&gt;');
    const parsed = parseTbx(tbx, { sourceLocale: 'en' });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(byTerm(parsed.value)).toEqual(byTerm(glossary));
    expect(serializeTbx(parsed.value)).toBe(tbx);
  });

  it('reads TBX 2 (martif) as other tools write it, with CDATA, comments and character references', () => {
    const tbx = `<?xml version="1.0" encoding="UTF-8"?>
<!-- exported elsewhere -->
<martif type="TBX" xml:lang="en">
  <martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="1">
      <descripGrp><descrip type="definition">Money &amp; plans</descrip></descripGrp>
      <langSet xml:lang="en"><tig><term>budget</term><termNote type="partOfSpeech">noun</termNote></tig></langSet>
      <langSet xml:lang="de"><ntig><termGrp><term><![CDATA[Budget]]></term></termGrp></ntig></langSet>
      <langSet xml:lang="fr"><tig><term>budg&#233;t</term></tig></langSet>
    </termEntry>
  </body></text>
</martif>`;
    const parsed = parseTbx(tbx, { sourceLocale: 'en' });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.value.terms).toEqual([
      {
        term: 'budget',
        description: 'Money & plans',
        partOfSpeech: 'noun',
        caseSensitive: false,
        doNotTranslate: false,
        translations: { de: 'Budget', fr: 'budgét' },
      },
    ]);
  });

  it('refuses document type declarations (no external entities, no entity expansion)', () => {
    const xxe = `<?xml version="1.0"?>
<!DOCTYPE tbx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<tbx><text><body><conceptEntry><langSec xml:lang="en"><termSec><term>&xxe;</term></termSec></langSec></conceptEntry></body></text></tbx>`;
    const parsed = parseTbx(xxe, { sourceLocale: 'en' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.errors[0]).toEqual({
        line: 2,
        message: expect.stringContaining('Document type'),
      });
  });

  it('reports malformed XML and non-TBX documents', () => {
    const cases: [string, string][] = [
      ['<tbx><text></tbx>', 'does not match'],
      ['<tbx><text>', 'not closed'],
      ['<tbx a=1></tbx>', 'quoted'],
      ['<tbx>&unknown;</tbx>', 'Unknown entity'],
      ['<tbx>a & b</tbx>', '&amp;'],
      ['<tbx></tbx><tbx></tbx>', 'one root'],
      ['<html></html>', 'Not a TBX file'],
      ['', 'no root'],
      ['<tbx><text><body><conceptEntry></conceptEntry></body></text></tbx>', 'no language section'],
      [
        '<tbx><text><body><conceptEntry><langSec xml:lang="en"><termSec></termSec></langSec></conceptEntry></body></text></tbx>',
        'no <term>',
      ],
    ];
    for (const [text, message] of cases) {
      const parsed = parseTbx(text, { sourceLocale: 'en' });
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.errors[0]?.message).toContain(message);
    }
    const deep = `${'<a>'.repeat(40)}${'</a>'.repeat(40)}`;
    const parsed = parseTbx(`<tbx>${deep}</tbx>`, { sourceLocale: 'en' });
    expect(parsed.ok).toBe(false);
  });
});
