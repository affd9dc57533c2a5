import type { GlossaryHitModel, GlossaryTermModel } from './dto/glossary.model';
import type { GlossaryRow } from './glossary-read';
import type { GlossaryHitRow } from './glossary.service';

export function toGlossaryTermModel(row: GlossaryRow): GlossaryTermModel {
  return {
    id: row.id,
    stringId: row.stringId,
    term: row.term,
    description: row.description,
    partOfSpeech: row.partOfSpeech,
    caseSensitive: row.caseSensitive,
    doNotTranslate: row.doNotTranslate,
    translation: row.translation,
  };
}

export function toGlossaryHitModel(hit: GlossaryHitRow): GlossaryHitModel {
  return { term: toGlossaryTermModel(hit.term), start: hit.start, end: hit.end, text: hit.text };
}
