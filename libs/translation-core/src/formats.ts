import type { ParseCatalogueOptions, ParsedCatalogue } from './json/parse-i18next';
import { parseI18nextJson } from './json/parse-i18next';
import type { CatalogueError } from './json/parse-errors';
import type { Catalogue } from './model';
import type { Result } from './result';
import type { SerializeOptions } from './export/serialize';
import { serializeI18nextJson } from './export/serialize';
import type { ExportError } from './export/tree';

/** A catalogue format plug-in: a pair of pure functions (STYLE "Formats are plug-ins"). */
export interface CatalogueFormat<P, S> {
  readonly id: string;
  parse(text: string, options: P): Result<ParsedCatalogue, CatalogueError>;
  serialize(catalogue: Catalogue, options: S): Result<string, ExportError>;
}

export const i18nextJsonFormat: CatalogueFormat<ParseCatalogueOptions, SerializeOptions> = {
  id: 'i18next-json',
  parse: parseI18nextJson,
  serialize: serializeI18nextJson,
};
