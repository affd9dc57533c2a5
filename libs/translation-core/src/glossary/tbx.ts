import {
  GlossaryCollector,
  glossaryLocales,
  sortedTerms,
  type GlossaryParseResult,
} from './glossary-file';
import type { Glossary, GlossaryLimits } from './model';
import { DEFAULT_GLOSSARY_LIMITS } from './model';
import { childElements, escapeXml, localName, parseXml, textOf, type XmlElement } from './xml';

/**
 * TBX import and export. Export writes TBX v3 (ISO 30042:2019), the TBX-Basic dialect in DCA style:
 * one `conceptEntry` per term, a `langSec` for the source and for each translated locale. Chorus's
 * flags ride on source `termNote`s: `x-caseSensitive` and `x-doNotTranslate` (`true`/`false`).
 * Import reads that, and TBX 2 (`martif` / `termEntry` / `langSet` / `tig` or `ntig`) as written
 * by Weblate, memoQ and others; the source language is the file's or the first langSec's.
 */
export function serializeTbx(glossary: Glossary): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<tbx style="dca" type="TBX-Basic" xml:lang="${escapeXml(glossary.sourceLocale)}" xmlns="urn:iso:std:iso:30042:ed-2">`,
    '  <tbxHeader>',
    '    <fileDesc>',
    '      <sourceDesc>',
    '        <p>Chorus glossary</p>',
    '      </sourceDesc>',
    '    </fileDesc>',
    '  </tbxHeader>',
    '  <text>',
    '    <body>',
  ];
  const locales = glossaryLocales(glossary);
  sortedTerms(glossary).forEach((term, i) => {
    out.push(`      <conceptEntry id="c${i + 1}">`);
    if (term.description !== '') {
      out.push(`        <descrip type="definition">${escapeXml(term.description)}</descrip>`);
    }
    out.push(`        <langSec xml:lang="${escapeXml(glossary.sourceLocale)}">`);
    out.push('          <termSec>');
    out.push(`            <term>${escapeXml(term.term)}</term>`);
    if (term.partOfSpeech !== null) {
      out.push(`            <termNote type="partOfSpeech">${term.partOfSpeech}</termNote>`);
    }
    out.push(
      `            <termNote type="x-caseSensitive">${String(term.caseSensitive)}</termNote>`,
    );
    out.push(
      `            <termNote type="x-doNotTranslate">${String(term.doNotTranslate)}</termNote>`,
    );
    out.push('          </termSec>');
    out.push('        </langSec>');
    for (const locale of locales) {
      const text = term.translations[locale];
      if (text === undefined) continue;
      out.push(`        <langSec xml:lang="${escapeXml(locale)}">`);
      out.push(`          <termSec>`);
      out.push(`            <term>${escapeXml(text)}</term>`);
      out.push(`          </termSec>`);
      out.push('        </langSec>');
    }
    out.push('      </conceptEntry>');
  });
  out.push('    </body>', '  </text>', '</tbx>', '');
  return out.join('\n');
}

function lang(el: XmlElement): string {
  return (el.attributes['xml:lang'] ?? el.attributes['lang'] ?? '').trim();
}

/** Depth-first search for elements by local name (bounded by the parser's depth limit). */
function descendants(el: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of childElements(el)) {
    if (localName(c) === name) out.push(c);
    else descendants(c, name, out);
  }
  return out;
}

function sameLanguage(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function parseTbx(
  text: string,
  options: { readonly sourceLocale: string; readonly limits?: GlossaryLimits },
): GlossaryParseResult {
  const limits = options.limits ?? DEFAULT_GLOSSARY_LIMITS;
  const xml = parseXml(text, {
    maxChars: limits.maxFileChars,
    maxDepth: 32,
    maxElements: limits.maxTerms * 40,
  });
  if (!xml.ok) return { ok: false, errors: [{ line: xml.line, message: xml.message }] };
  const root = xml.root;
  const rootName = localName(root);
  if (rootName !== 'tbx' && rootName !== 'martif') {
    return {
      ok: false,
      errors: [
        {
          line: root.line,
          message: `Not a TBX file: the root element is <${root.name}>, not <tbx> or <martif>.`,
        },
      ],
    };
  }
  const collector = new GlossaryCollector(limits);
  const source = options.sourceLocale;
  const entries = [...descendants(root, 'conceptEntry'), ...descendants(root, 'termEntry')];
  for (const entry of entries) {
    const description =
      [
        ...childElements(entry, 'descrip'),
        ...descendants(entry, 'descripGrp').flatMap((g) => childElements(g, 'descrip')),
      ]
        .filter((d) => (d.attributes['type'] ?? 'definition') === 'definition')
        .map(textOf)[0] ?? '';
    const sections = [...childElements(entry, 'langSec'), ...childElements(entry, 'langSet')];
    const sourceSection = sections.find((s) => sameLanguage(lang(s), source)) ?? sections[0];
    if (sourceSection === undefined) {
      collector.error(entry.line, 'An entry has no language section.');
      continue;
    }
    const termOf = (section: XmlElement): { term: string; notes: Map<string, string> } | null => {
      const holder = [
        ...childElements(section, 'termSec'),
        ...childElements(section, 'tig'),
        ...childElements(section, 'ntig'),
      ][0];
      const scope = holder ?? section;
      const termEl = descendants(scope, 'term')[0];
      if (termEl === undefined) return null;
      const notes = new Map<string, string>();
      for (const n of descendants(scope, 'termNote'))
        notes.set(n.attributes['type'] ?? '', textOf(n).trim());
      return { term: textOf(termEl), notes };
    };
    const src = termOf(sourceSection);
    if (src === null) {
      collector.error(sourceSection.line, 'A language section has no <term>.');
      continue;
    }
    const translations: Record<string, string> = {};
    for (const section of sections) {
      if (section === sourceSection) continue;
      const code = lang(section);
      const t = termOf(section);
      if (code === '' || t === null) {
        collector.error(section.line, 'A language section needs xml:lang and a <term>.');
        continue;
      }
      if (translations[code] === undefined) translations[code] = t.term;
    }
    collector.add(entry.line, {
      term: src.term,
      description,
      partOfSpeech: src.notes.get('partOfSpeech') ?? '',
      caseSensitive: src.notes.get('x-caseSensitive') === 'true',
      doNotTranslate: src.notes.get('x-doNotTranslate') === 'true',
      translations,
    });
  }
  return collector.result(source);
}
