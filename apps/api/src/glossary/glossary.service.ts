import {
  DEFAULT_GLOSSARY_LIMITS,
  findGlossaryHits,
  glossaryTermKey,
  sourceHash,
  type PartOfSpeech,
} from '@chorus/translation-core';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { catalogueError } from '../catalogue/catalogue.errors';
import { canonicalLocale } from '../catalogue/locale-code';
import type { ProjectEntity } from '../catalogue/project.entity';
import { ProjectService } from '../catalogue/project.service';
import { AccessService } from '../identity/access.service';
import { GLOSSARY_NAMESPACE } from './glossary-namespace';
import { loadGlossary, type GlossaryRow } from './glossary-read';
import { glossaryError } from './glossary.errors';

export interface TermFields {
  readonly description?: string | null;
  readonly partOfSpeech?: PartOfSpeech | null;
  readonly caseSensitive?: boolean | null;
  readonly doNotTranslate?: boolean | null;
}

export interface NewTerm extends TermFields {
  readonly term: string;
}

export interface GlossaryHitRow {
  readonly term: GlossaryRow;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const UNIQUE_VIOLATION = '23505';

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    (error as { code: unknown }).code === UNIQUE_VIOLATION
  );
}

/** Keeps user text single-spaced at the ends; terms compare and match on their trimmed text. */
function cleanTerm(term: string): string {
  const trimmed = term.trim().replace(/\s+/gu, ' ');
  if (trimmed === '' || trimmed.length > DEFAULT_GLOSSARY_LIMITS.maxTermLength) {
    throw glossaryError('INVALID_TERM', 'A term is 1 to 200 characters of text.');
  }
  return trimmed;
}

/**
 * The project glossary: terms (managers write), their approved translations and term hits in a
 * source text (anyone who may read the project). Translations themselves are candidates of each
 * term's string and go through VotingService like any string's.
 */
@Injectable()
export class GlossaryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly projects: ProjectService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async list(slug: string, viewerId: string | null, locale: string | null): Promise<GlossaryRow[]> {
    const project = await this.projects.findVisible(slug, viewerId);
    const code = locale === null ? null : await this.localeCode(project, locale);
    return loadGlossary(this.dataSource.manager, project.id, code === null ? null : { code });
  }

  async hits(
    slug: string,
    viewerId: string | null,
    locale: string,
    text: string,
  ): Promise<GlossaryHitRow[]> {
    const project = await this.projects.findVisible(slug, viewerId);
    const code = await this.localeCode(project, locale);
    if (text === '') return [];
    const terms = await loadGlossary(
      this.dataSource.manager,
      project.id,
      { code },
      { texts: [text] },
    );
    if (terms.length === 0) return [];
    const byId = new Map(terms.map((t) => [t.id, t]));
    return findGlossaryHits(text, terms, project.sourceLocale).flatMap((h) => {
      const term = byId.get(h.termId);
      return term === undefined ? [] : [{ term, start: h.start, end: h.end, text: h.text }];
    });
  }

  async create(userId: string, slug: string, input: NewTerm): Promise<GlossaryRow> {
    const project = await this.access.requireProject(userId, slug, 'glossary.manage');
    const term = cleanTerm(input.term);
    const id = await this.dataSource.transaction(async (manager) => {
      const created = await this.insertTerms(manager, project, [{ ...input, term }]);
      await this.audit.record(
        {
          actorId: userId,
          projectId: project.id,
          type: 'glossary.term_created',
          payload: { term, doNotTranslate: input.doNotTranslate ?? false },
        },
        manager,
      );
      return created[0] as string;
    });
    return this.row(project.id, id);
  }

  async update(userId: string, slug: string, id: string, fields: TermFields): Promise<GlossaryRow> {
    const project = await this.access.requireProject(userId, slug, 'glossary.manage');
    await this.dataSource.transaction(async (manager) => {
      const [found] = (await manager.query(
        'SELECT id, string_id FROM glossary_term WHERE id = $1 AND project_id = $2 FOR UPDATE',
        [id, project.id],
      )) as { id: string; string_id: string }[];
      if (found === undefined) throw termNotFound(id);
      await manager.query(
        `UPDATE glossary_term SET
           description = COALESCE($2, description),
           part_of_speech = CASE WHEN $3::boolean THEN $4 ELSE part_of_speech END,
           case_sensitive = COALESCE($5, case_sensitive),
           do_not_translate = COALESCE($6, do_not_translate),
           updated_at = now()
         WHERE id = $1`,
        [
          id,
          fields.description ?? null,
          fields.partOfSpeech !== undefined,
          fields.partOfSpeech ?? null,
          fields.caseSensitive ?? null,
          fields.doNotTranslate ?? null,
        ],
      );
      if (fields.description !== undefined && fields.description !== null) {
        await manager.query('UPDATE source_string SET description = $2 WHERE id = $1', [
          found.string_id,
          fields.description === '' ? null : fields.description,
        ]);
      }
      await this.audit.record(
        {
          actorId: userId,
          projectId: project.id,
          type: 'glossary.term_updated',
          payload: { id, fields: Object.keys(fields).filter((k) => k !== 'project') },
        },
        manager,
      );
    });
    return this.row(project.id, id);
  }

  /** Deletes the term and its string: its candidates, votes and rounds go with it. */
  async remove(userId: string, slug: string, id: string): Promise<void> {
    const project = await this.access.requireProject(userId, slug, 'glossary.manage');
    await this.dataSource.transaction(async (manager) => {
      const [found] = (await manager.query(
        'SELECT string_id, term FROM glossary_term WHERE id = $1 AND project_id = $2 FOR UPDATE',
        [id, project.id],
      )) as { string_id: string; term: string }[];
      if (found === undefined) throw termNotFound(id);
      await manager.query('DELETE FROM source_string WHERE id = $1', [found.string_id]);
      await this.audit.record(
        {
          actorId: userId,
          projectId: project.id,
          type: 'glossary.term_deleted',
          payload: { id, term: found.term },
        },
        manager,
      );
    });
  }

  /**
   * Inserts terms (already cleaned) with their strings in the `$glossary` namespace, under the
   * project row lock so the per-project cap cannot be raced past. Returns the new ids in order.
   */
  async insertTerms(
    manager: EntityManager,
    project: Pick<ProjectEntity, 'id'>,
    terms: readonly NewTerm[],
  ): Promise<string[]> {
    await manager.query('SELECT 1 FROM project WHERE id = $1 FOR UPDATE', [project.id]);
    const [{ count }] = (await manager.query(
      'SELECT count(*)::int AS count FROM glossary_term WHERE project_id = $1',
      [project.id],
    )) as [{ count: number }];
    if (count + terms.length > DEFAULT_GLOSSARY_LIMITS.maxTerms) {
      throw glossaryError(
        'GLOSSARY_FULL',
        `A glossary holds at most ${DEFAULT_GLOSSARY_LIMITS.maxTerms} terms; this project has ${count}. Delete unused terms first.`,
      );
    }
    await manager.query(
      `INSERT INTO namespace (project_id, name, nested_keys) VALUES ($1, $2, false)
       ON CONFLICT (project_id, name) DO NOTHING`,
      [project.id, GLOSSARY_NAMESPACE],
    );
    const [ns] = (await manager.query(
      'SELECT id FROM namespace WHERE project_id = $1 AND name = $2',
      [project.id, GLOSSARY_NAMESPACE],
    )) as [{ id: string }];
    const ids: string[] = [];
    for (const t of terms) {
      const id = randomUUID();
      const key = `glossary.${id}`;
      const forms = { '': t.term };
      try {
        await manager.query('SAVEPOINT glossary_term');
        const [string] = (await manager.query(
          `INSERT INTO source_string (project_id, namespace_id, unit_key, key, kind, path, forms,
             source_text, source_hash, description, position)
           VALUES ($1, $2, $3, $4, 'simple', $5::jsonb, $6::jsonb, $7, $8, $9, 0) RETURNING id`,
          [
            project.id,
            ns.id,
            `s:${key}`,
            key,
            JSON.stringify([key]),
            JSON.stringify(forms),
            t.term,
            sourceHash('simple', forms),
            t.description === undefined || t.description === null || t.description === ''
              ? null
              : t.description,
          ],
        )) as [{ id: string }];
        await manager.query(
          `INSERT INTO glossary_term (id, project_id, string_id, term, description, part_of_speech,
             case_sensitive, do_not_translate, match_key)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [
            id,
            project.id,
            string.id,
            t.term,
            t.description ?? '',
            t.partOfSpeech ?? null,
            t.caseSensitive ?? false,
            t.doNotTranslate ?? false,
            glossaryTermKey(t.term),
          ],
        );
        await manager.query('RELEASE SAVEPOINT glossary_term');
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        await manager.query('ROLLBACK TO SAVEPOINT glossary_term');
        throw glossaryError(
          'TERM_EXISTS',
          `The glossary already has the term "${t.term}". Edit that term instead.`,
        );
      }
      ids.push(id);
    }
    return ids;
  }

  private async row(projectId: string, id: string): Promise<GlossaryRow> {
    const [found] = await loadGlossary(this.dataSource.manager, projectId, null, { termId: id });
    if (found === undefined) throw termNotFound(id);
    return found;
  }

  private async localeCode(project: ProjectEntity, locale: string): Promise<string> {
    const code = canonicalLocale(locale) ?? locale;
    if (code === project.sourceLocale) return code;
    const [row] = (await this.dataSource.query(
      'SELECT code FROM locale WHERE project_id = $1 AND code = $2',
      [project.id, code],
    )) as { code: string }[];
    if (row === undefined) {
      throw catalogueError(
        'UNKNOWN_LOCALE',
        `Project "${project.slug}" has no locale "${locale}"; ask a developer to add it.`,
      );
    }
    return row.code;
  }
}

function termNotFound(id: string) {
  return glossaryError('TERM_NOT_FOUND', `No glossary term "${id}" in this project.`);
}
