import {
  parseGlossaryCsv,
  parseTbx,
  serializeGlossaryCsv,
  serializeTbx,
  type CatalogueUnit,
  type Glossary,
  type GlossaryParseResult,
  type GlossaryTerm,
} from '@chorus/translation-core';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { canonicalLocale } from '../catalogue/locale-code';
import { ProjectService } from '../catalogue/project.service';
import { writeImportedTranslations } from '../catalogue/translation-import.writer';
import { votingParamsOf } from '../catalogue/voting-settings';
import { AccessService } from '../identity/access.service';
import { GLOSSARY_NAMESPACE } from './glossary-namespace';
import { loadGlossary } from './glossary-read';
import { glossaryError } from './glossary.errors';
import { GlossaryService } from './glossary.service';

export type GlossaryFormat = 'CSV' | 'TBX';

export interface GlossaryImportResult {
  readonly created: number;
  readonly updated: number;
  /** Translations that became candidates (decided as winners where nothing else had won). */
  readonly translations: number;
  /** Locales of the file that the project lacks or the importer may not import. */
  readonly skippedLocales: readonly string[];
}

/** The key of a term's string: `glossary.<term id>`, flat (the namespace has no nested keys). */
function termKey(id: string): string {
  return `glossary.${id}`;
}

/**
 * Glossary import and export (CSV, TBX). Import adds new terms, updates the description, part of
 * speech and flags of existing ones (matched by their text), and imports the file's translations
 * as candidates of origin `import` exactly as a catalogue translation import does (DESIGN §4):
 * decided as winners where no community decision exists, otherwise joining as candidates.
 */
@Injectable()
export class GlossaryExchangeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly projects: ProjectService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly glossary: GlossaryService,
  ) {}

  async export(slug: string, viewerId: string | null, format: GlossaryFormat): Promise<string> {
    const project = await this.projects.findVisible(slug, viewerId);
    const locales = (await this.dataSource.query(
      'SELECT code FROM locale WHERE project_id = $1 AND code <> $2 ORDER BY code',
      [project.id, project.sourceLocale],
    )) as { code: string }[];
    const rows = await loadGlossary(this.dataSource.manager, project.id, null);
    const translations = new Map<string, Record<string, string>>(rows.map((r) => [r.id, {}]));
    for (const { code } of locales) {
      for (const r of await loadGlossary(this.dataSource.manager, project.id, { code })) {
        const t = translations.get(r.id);
        if (t !== undefined && r.translation !== null) t[code] = r.translation;
      }
    }
    const glossary: Glossary = {
      sourceLocale: project.sourceLocale,
      terms: rows.map((r): GlossaryTerm => ({
        term: r.term,
        description: r.description,
        partOfSpeech: r.partOfSpeech,
        caseSensitive: r.caseSensitive,
        doNotTranslate: r.doNotTranslate,
        translations: translations.get(r.id) ?? {},
      })),
    };
    return format === 'CSV' ? serializeGlossaryCsv(glossary) : serializeTbx(glossary);
  }

  async import(
    userId: string,
    slug: string,
    format: GlossaryFormat,
    text: string,
    now: Date,
  ): Promise<GlossaryImportResult> {
    const project = await this.access.requireProject(userId, slug, 'glossary.manage');
    const options = { sourceLocale: project.sourceLocale };
    const parsed: GlossaryParseResult =
      format === 'CSV' ? parseGlossaryCsv(text, options) : parseTbx(text, options);
    if (!parsed.ok) {
      throw glossaryError(
        'INVALID_GLOSSARY_FILE',
        parsed.errors.map((e) => `Line ${e.line}: ${e.message}`).join(' '),
        { errors: parsed.errors.map((e) => ({ line: e.line, message: e.message })) },
      );
    }
    const localeRows = (await this.dataSource.query(
      'SELECT id, code FROM locale WHERE project_id = $1 AND code <> $2',
      [project.id, project.sourceLocale],
    )) as { id: string; code: string }[];
    const localeIds = new Map(localeRows.map((l) => [l.code, l.id]));
    const fileLocales = new Set<string>();
    for (const t of parsed.value.terms)
      for (const code of Object.keys(t.translations)) fileLocales.add(code);
    const importable = new Map<string, string>();
    const skipped: string[] = [];
    for (const raw of [...fileLocales].sort()) {
      const code = canonicalLocale(raw) ?? raw;
      const id = localeIds.get(code);
      if (id !== undefined && (await this.access.can(userId, project, 'translations.import', code)))
        importable.set(raw, id);
      else skipped.push(raw);
    }

    const result = await this.dataSource.transaction(async (manager) => {
      const existing = (await manager.query(
        'SELECT id, term FROM glossary_term WHERE project_id = $1 FOR UPDATE',
        [project.id],
      )) as { id: string; term: string }[];
      const idByTerm = new Map(existing.map((e) => [e.term, e.id]));
      const fresh = parsed.value.terms.filter((t) => !idByTerm.has(t.term));
      const updated = parsed.value.terms.filter((t) => idByTerm.has(t.term));
      for (const t of updated) {
        await manager.query(
          `UPDATE glossary_term SET description = $2, part_of_speech = $3, case_sensitive = $4,
             do_not_translate = $5, updated_at = now() WHERE id = $1`,
          [idByTerm.get(t.term), t.description, t.partOfSpeech, t.caseSensitive, t.doNotTranslate],
        );
      }
      const ids = await this.glossary.insertTerms(manager, project, fresh);
      fresh.forEach((t, i) => idByTerm.set(t.term, ids[i] as string));
      const [ns] = (await manager.query(
        'SELECT id FROM namespace WHERE project_id = $1 AND name = $2',
        [project.id, GLOSSARY_NAMESPACE],
      )) as { id: string }[];
      let translations = 0;
      for (const [raw, localeId] of importable) {
        if (ns === undefined) break;
        const units: CatalogueUnit[] = parsed.value.terms.flatMap((t) => {
          const text = t.translations[raw];
          const id = idByTerm.get(t.term);
          if (text === undefined || id === undefined) return [];
          const key = termKey(id);
          return [
            { id: `s:${key}`, key, path: [key], kind: 'simple', forms: { '': text }, line: 0 },
          ];
        });
        const counts = await writeImportedTranslations(
          manager,
          {
            projectId: project.id,
            namespaceId: ns.id,
            localeId,
            locale: canonicalLocale(raw) ?? raw,
            sourceLocale: project.sourceLocale,
            authorId: userId,
            params: votingParamsOf(project.settings),
          },
          units,
          now,
        );
        translations += counts.added + counts.changed;
      }
      await this.audit.record(
        {
          actorId: userId,
          projectId: project.id,
          type: 'glossary.imported',
          payload: { format, created: fresh.length, updated: updated.length, translations },
        },
        manager,
      );
      return { created: fresh.length, updated: updated.length, translations };
    });
    return { ...result, skippedLocales: skipped };
  }
}
