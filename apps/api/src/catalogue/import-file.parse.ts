import {
  parseI18nextJson,
  type CatalogueUnit,
  type KeySeparator,
  type ParsedCatalogue,
} from '@chorus/translation-core';
import type { JsonValue } from '../common/errors/app-error';
import type { Prepared } from './catalogue-import.applier';
import { catalogueError } from './catalogue.errors';

/** Parses strictly; 'auto' (a new namespace) picks nested keys when the file nests objects. */
export function parseImportFile(
  prepared: Pick<Prepared, 'locale' | 'namespace' | 'separator' | 'jsonFormat'>,
  maxBytes: number,
  text: string,
): ParsedCatalogue {
  const limits = { maxBytes };
  const run = (keySeparator: KeySeparator) =>
    parseI18nextJson(text, {
      locale: prepared.locale,
      namespace: prepared.namespace,
      keySeparator,
      jsonFormat: prepared.jsonFormat,
      limits,
    });
  let result = run(prepared.separator === 'auto' ? false : prepared.separator);
  if (prepared.separator === 'auto' && result.ok && looksNested(result.value.catalogue.units)) {
    result = run('.');
  }
  if (!result.ok) {
    const errors: JsonValue[] = result.errors.map((e) => ({
      code: e.code,
      message: e.message,
      key: e.key,
      line: e.line,
      column: e.column,
    }));
    const shown = result.errors.slice(0, 3).map((e) => e.message);
    const more = result.errors.length > 3 ? ` (and ${result.errors.length - 3} more)` : '';
    throw catalogueError(
      'INVALID_CATALOGUE',
      `${prepared.namespace} (${prepared.locale}) was not imported: ${shown.join(' ')}${more}`,
      { errors },
    );
  }
  return result.value;
}

/** A file whose units sit under nested objects (and whose top-level names hold no ".") is nested. */
function looksNested(units: readonly CatalogueUnit[]): boolean {
  let nested = false;
  for (const unit of units) {
    const first = unit.path[0];
    if (typeof first === 'string' && first.includes('.')) return false;
    if (unit.path.length > 1 && typeof unit.path[1] === 'string') nested = true;
  }
  return nested;
}
