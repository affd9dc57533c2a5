import {
  GlossaryCollector,
  glossaryLocales,
  sortedTerms,
  type GlossaryParseResult,
} from './glossary-file';
import type { Glossary, GlossaryLimits } from './model';
import { DEFAULT_GLOSSARY_LIMITS } from './model';

/**
 * Glossary CSV (RFC 4180): a header row `term,description,partOfSpeech,caseSensitive,
 * doNotTranslate` followed by one column per target locale (its BCP 47 code) holding the
 * translation. Only `term` is required. Export prefixes a cell that starts with `= + - @` (or a
 * tab or carriage return) with `'` so spreadsheets do not run it as a formula; import removes that
 * prefix again.
 */
const FIXED = ['term', 'description', 'partOfSpeech', 'caseSensitive', 'doNotTranslate'] as const;
const FORMULA = /^[=+\-@\t\r]/;

function cell(value: string): string {
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function serializeCsv(glossary: Glossary): string {
  const locales = glossaryLocales(glossary);
  const rows = [[...FIXED, ...locales].map(cell).join(',')];
  for (const t of sortedTerms(glossary)) {
    rows.push(
      [
        t.term,
        t.description,
        t.partOfSpeech ?? '',
        String(t.caseSensitive),
        String(t.doNotTranslate),
        ...locales.map((l) => t.translations[l] ?? ''),
      ]
        .map(cell)
        .join(','),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}

interface CsvRow {
  readonly line: number;
  readonly cells: string[];
}

/** RFC 4180 records; a quoted field may span lines. Linear, no regular expressions over input. */
function records(text: string, collector: GlossaryCollector): CsvRow[] | null {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let fieldStart = true;
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        const next = text[i];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          collector.error(line, 'A quoted field must end at a comma or the end of the line.');
          return null;
        }
        continue;
      }
      if (c === '\n') line += 1;
      field += c;
      i += 1;
      continue;
    }
    if (c === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
      i += 1;
      continue;
    }
    if (c === ',') {
      cells.push(field);
      field = '';
      fieldStart = true;
      i += 1;
      continue;
    }
    if (c === '\r' || c === '\n') {
      cells.push(field);
      if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: rowLine, cells });
      cells = [];
      field = '';
      fieldStart = true;
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line += 1;
      rowLine = line;
      continue;
    }
    field += c;
    fieldStart = false;
    i += 1;
  }
  if (quoted) {
    collector.error(rowLine, 'A quoted field is not closed.');
    return null;
  }
  if (field !== '' || cells.length > 0) {
    cells.push(field);
    rows.push({ line: rowLine, cells });
  }
  return rows;
}

function unprefix(value: string): string {
  return value.startsWith("'") && FORMULA.test(value.slice(1)) ? value.slice(1) : value;
}

function flag(value: string | undefined): boolean | null {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '' || v === 'false' || v === 'no' || v === '0') return false;
  if (v === 'true' || v === 'yes' || v === '1') return true;
  return null;
}

export function parseCsv(
  text: string,
  options: { readonly sourceLocale: string; readonly limits?: GlossaryLimits },
): GlossaryParseResult {
  const limits = options.limits ?? DEFAULT_GLOSSARY_LIMITS;
  const collector = new GlossaryCollector(limits);
  if (text.length > limits.maxFileChars) {
    collector.error(1, `The file is larger than ${limits.maxFileChars} characters.`);
    return collector.result(options.sourceLocale);
  }
  const rows = records(text, collector);
  if (rows === null) return collector.result(options.sourceLocale);
  const [header, ...body] = rows;
  if (header === undefined) {
    collector.error(1, 'The file is empty: the first row must name the columns (term, …).');
    return collector.result(options.sourceLocale);
  }
  const names = header.cells.map((c) => c.trim());
  const column = (name: string): number =>
    names.findIndex((n) => n.toLowerCase() === name.toLowerCase());
  const termAt = column('term');
  if (termAt === -1) {
    collector.error(header.line, 'The header row has no "term" column.');
    return collector.result(options.sourceLocale);
  }
  const fixed = new Set(FIXED.map((f) => f.toLowerCase()));
  const localeColumns = names
    .map((n, i) => ({ n, i }))
    .filter(({ n }) => n !== '' && !fixed.has(n.toLowerCase()));
  for (const { n } of localeColumns) {
    if (!/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/.test(n)) {
      collector.error(header.line, `Column "${n}" is neither a known column nor a locale code.`);
    }
  }
  if (collector.errors.length > 0) return collector.result(options.sourceLocale);
  const at = (row: CsvRow, index: number): string =>
    index === -1 ? '' : unprefix(row.cells[index] ?? '');
  for (const row of body) {
    if (row.cells.length > names.length) {
      collector.error(
        row.line,
        `The row has ${row.cells.length} fields; the header names ${names.length}.`,
      );
      continue;
    }
    const caseSensitive = flag(at(row, column('caseSensitive')));
    const doNotTranslate = flag(at(row, column('doNotTranslate')));
    if (caseSensitive === null || doNotTranslate === null) {
      collector.error(row.line, 'caseSensitive and doNotTranslate are true or false.');
      continue;
    }
    const translations: Record<string, string> = {};
    for (const { n, i } of localeColumns) translations[n.replace('_', '-')] = at(row, i);
    collector.add(row.line, {
      term: at(row, termAt),
      description: at(row, column('description')),
      partOfSpeech: at(row, column('partOfSpeech')),
      caseSensitive,
      doNotTranslate,
      translations,
    });
  }
  return collector.result(options.sourceLocale);
}
