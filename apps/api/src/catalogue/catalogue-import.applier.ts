import {
  buildSourceUnits,
  type CatalogueUnit,
  type JsonFormat,
  type KeySeparator,
  type ParsedCatalogue,
} from '@chorus/translation-core';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/errors/app-error';
import { nativeSha256Hex } from '../common/native-sha256';
import { catalogueError } from './catalogue.errors';
import {
  allWarnings,
  importCounts,
  type ImportKind,
  type ImportResult,
  type ImportWarning,
} from './import-result';
import { LocaleService } from './locale.service';
import { NamespaceEntity } from './namespace.entity';
import type { ProjectEntity } from './project.entity';
import { writeSourceStrings } from './source-import.writer';
import { writeImportedTranslations } from './translation-import.writer';
import { votingParamsOf } from './voting-settings';

/** An import checked and authorised, ready to parse and write (CatalogueImportService.prepare). */
export interface Prepared {
  readonly project: ProjectEntity;
  readonly namespace: string;
  readonly locale: string;
  readonly kind: ImportKind;
  /** 'auto': a new namespace; the file decides (see parseImportFile). */
  readonly separator: KeySeparator | 'auto';
  /** 'auto': not given; translation-core detects v3 (`_plural` beside its base key, no `_other`). */
  readonly jsonFormat: JsonFormat | 'auto';
  readonly authorId: string;
  readonly tokenId: string | null;
  readonly mayAddLocale: boolean;
}

/** An import's result, and whether it wrote anything a bundle shows (source strings, winners). */
export interface Applied {
  readonly result: ImportResult;
  readonly changesBundles: boolean;
}

/**
 * The write half of an import, inside the caller's transaction: the namespace (locked: a source
 * import alone, translations side by side), source strings or imported translations with bulk SQL,
 * and the audit entry.
 */
@Injectable()
export class CatalogueImportApplier {
  constructor(
    private readonly locales: LocaleService,
    private readonly audit: AuditService,
  ) {}

  async apply(
    manager: EntityManager,
    prepared: Prepared,
    parsed: ParsedCatalogue,
    now: Date,
  ): Promise<Applied> {
    const { project } = prepared;
    const nestedKeys = parsed.catalogue.keySeparator === '.';
    const parseWarnings: ImportWarning[] = parsed.warnings.map((w) => ({
      code: w.code,
      message: w.message,
      key: w.key,
      line: w.line,
    }));
    await manager.query(
      `INSERT INTO namespace (project_id, name, nested_keys) VALUES ($1, $2, $3)
       ON CONFLICT (project_id, name) DO NOTHING`,
      [project.id, prepared.namespace, nestedKeys],
    );
    // A source import has the namespace to itself; translations share it (see lockedLocaleId).
    const namespace = await manager.findOneOrFail(NamespaceEntity, {
      where: { projectId: project.id, name: prepared.namespace },
      lock: { mode: prepared.kind === 'source' ? 'pessimistic_write' : 'pessimistic_read' },
    });
    let result: ImportResult;
    let touched: boolean;
    if (prepared.kind === 'source') {
      const restyled = namespace.nestedKeys !== nestedKeys;
      if (restyled) await manager.update(NamespaceEntity, { id: namespace.id }, { nestedKeys });
      const units = buildSourceUnits(parsed.catalogue, nativeSha256Hex);
      const { touched: written, ...counts } = await writeSourceStrings(
        manager,
        { projectId: project.id, namespaceId: namespace.id },
        units,
        now,
      );
      touched = written || restyled;
      result = {
        namespace: prepared.namespace,
        locale: prepared.locale,
        kind: 'source',
        ...counts,
        imported: units.length,
        skipped: 0,
        ...allWarnings(parseWarnings),
        jsonFormat: parsed.jsonFormat,
      };
    } else {
      const localeId = await this.lockedLocaleId(manager, prepared);
      const counts = await writeImportedTranslations(
        manager,
        {
          projectId: project.id,
          namespaceId: namespace.id,
          localeId,
          locale: prepared.locale,
          sourceLocale: project.sourceLocale,
          authorId: prepared.authorId,
          params: votingParamsOf(project.settings),
        },
        parsed.catalogue.units as readonly CatalogueUnit[],
        now,
      );
      result = {
        namespace: prepared.namespace,
        locale: prepared.locale,
        kind: 'translations',
        added: counts.added,
        changed: counts.changed,
        removed: 0,
        unchanged: counts.unchanged,
        imported: counts.imported,
        skipped: counts.skipped,
        ...allWarnings([...parseWarnings, ...counts.warnings]),
        jsonFormat: parsed.jsonFormat,
      };
      touched = counts.imported > 0;
    }
    await this.audit.record(
      {
        actorId: prepared.authorId,
        projectId: project.id,
        type: 'catalogue.imported',
        payload: { ...importCounts(result), tokenId: prepared.tokenId },
      },
      manager,
    );
    return { result, changesBundles: touched };
  }

  /**
   * The target locale's id, its row locked for the rest of the import: translations files of
   * different locales are imported side by side (they write disjoint units), two of one locale one
   * after the other. A caller who may add locales (or a push token) adds it on the way; when a
   * concurrent import adds it first, this one waits for that to commit and takes its row.
   */
  private async lockedLocaleId(manager: EntityManager, prepared: Prepared): Promise<string> {
    const lock = async (): Promise<string | undefined> => {
      const rows: { id: string }[] = await manager.query(
        // NO KEY UPDATE: it excludes another import of the locale but not the foreign-key checks
        // (KEY SHARE) of volunteers creating units of this locale meanwhile.
        'SELECT id FROM locale WHERE project_id = $1 AND code = $2 FOR NO KEY UPDATE',
        [prepared.project.id, prepared.locale],
      );
      return rows[0]?.id;
    };
    const found = await lock();
    if (found !== undefined) return found;
    if (!prepared.mayAddLocale) {
      throw catalogueError(
        'UNKNOWN_LOCALE',
        `"${prepared.project.slug}" does not translate into ${prepared.locale}. Ask an owner or developer to add the locale.`,
      );
    }
    try {
      const added = await this.locales.insertLocale(manager, prepared.project, prepared.locale);
      // Inserted by this transaction: no other can lock it before the commit.
      return added.id;
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'LOCALE_EXISTS') throw error;
      const raced = await lock();
      if (raced === undefined) throw error;
      return raced;
    }
  }
}
