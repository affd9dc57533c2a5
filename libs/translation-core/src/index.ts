// Public API of @chorus/translation-core. Everything here is pure TypeScript and runs in Node and browsers.
export { assertNever } from './assert-never';
export type { Result } from './result';

export type {
  Catalogue,
  CatalogueUnit,
  ContextHint,
  FormKey,
  Forms,
  KeySeparator,
  PathSegment,
  SourceUnit,
  UnitKind,
} from './model';
export { UNIT_KINDS, keyOfPath, unitId } from './model';
export { buildSourceUnits, sourceHash, type Sha256Hex } from './source-hash';
export type { MatchedTranslation, SourceDiff, TranslationMatch } from './catalogue-diff';
export { diffSourceUnits, matchTranslations } from './catalogue-diff';

export type { CatalogueError, ParseLimits, ParseWarning } from './json/parse-errors';
export {
  CatalogueErrorCode,
  DEFAULT_PARSE_LIMITS,
  HARD_MAX_DEPTH,
  ParseWarningCode,
} from './json/parse-errors';
export type {
  JsonArray,
  JsonMember,
  JsonNode,
  JsonObject,
  JsonScalar,
  JsonString,
} from './json/tokenizer';
export { parseJsonStrict } from './json/tokenizer';
export type {
  JsonFormat,
  NestingReference,
  ParseCatalogueOptions,
  ParsedCatalogue,
} from './json/parse-i18next';
export { JSON_FORMATS, detectJsonFormat, parseI18nextJson } from './json/parse-i18next';
export { i18nextJsonFormat } from './formats';
export type { CatalogueFormat } from './formats';

export type {
  PluralCategory,
  PluralCategoryData,
  PluralLocaleData,
  PluralType,
} from './plurals/plural-types';
export { PLURAL_CATEGORIES, isPluralCategory } from './plurals/plural-types';
export type { LocaleResolution, PluralFormInfo } from './plurals/plural-table';
export {
  PLURAL_DATA_SOURCE,
  cardinalCategoryOfSmallInteger,
  coversSingleInteger,
  isKnownPluralLocale,
  pluralFormsWithExamples,
  pluralLocales,
  requiredForms,
  resolvePluralLocale,
  sortCategories,
} from './plurals/plural-table';

export type { Interpolation } from './placeholders/interpolation';
export { extractInterpolations } from './placeholders/interpolation';
export type { Nesting } from './placeholders/nesting';
export { extractNestings } from './placeholders/nesting';
export type { Tag, TagAttribute } from './placeholders/tags';
export { extractTags, tagsBalanced } from './placeholders/tags';
export type { Placeholders } from './placeholders/extract';
export { extractPlaceholders } from './placeholders/extract';

export type { Finding, Severity } from './checks/finding';
export { CHECK_CODES, CHECK_SEVERITY, CheckCode, hasErrors } from './checks/finding';
export type { CheckInput, CheckSource } from './checks/check-translation';
export { checkTranslation } from './checks/check-translation';

export type {
  Glossary,
  GlossaryCheckTerm,
  GlossaryLimits,
  GlossaryTerm,
  PartOfSpeech,
} from './glossary/model';
export { DEFAULT_GLOSSARY_LIMITS, PARTS_OF_SPEECH, isPartOfSpeech } from './glossary/model';
export type { MatchOptions, TermHit } from './glossary/match';
export {
  findGlossaryHits,
  findPhrase,
  glossaryTermKey,
  glossaryTextKeys,
  isInflectedLanguage,
  stemOf,
} from './glossary/match';
export { checkGlossary } from './glossary/glossary-check';
export type { GlossaryFileError, GlossaryParseResult } from './glossary/glossary-file';
export { parseCsv as parseGlossaryCsv, serializeCsv as serializeGlossaryCsv } from './glossary/csv';
export { parseTbx, serializeTbx } from './glossary/tbx';

export type { CanonicalArray, CanonicalNode, CanonicalObject } from './export/canonical-json';
export {
  compareCodeUnits,
  writeCanonicalJson,
  writeCompactCanonicalJson,
} from './export/canonical-json';
export type { EmittedLeaf, ExportError } from './export/tree';
export { ExportErrorCode } from './export/tree';
export type { SerializeOptions } from './export/serialize';
export { serializeI18nextJson } from './export/serialize';
export type {
  Bundle,
  BundleOptions,
  BundleUnitInput,
  ExportForms,
  ExportLeader,
  ExportWinner,
  OmitReason,
  OmittedUnit,
  PartialUnit,
  SelectedValue,
} from './export/bundle';
export { buildBundle, completeForms, selectExportValue } from './export/bundle';

export { sha256Bytes, sha256Hex, toHex } from './hash/sha256';
export { utf8Encode, utf8Length } from './hash/utf8';
export { contentHash, shortHash } from './hash/content-hash';
export type { BundleFileRef, Manifest } from './manifest';
export { buildManifest, bundleFilePath, bundleSetHash } from './manifest';
