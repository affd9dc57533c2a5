import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { BundleRebuildProducer } from '../delivery/bundle-rebuild.producer';
import { AccessService } from '../identity/access.service';
import { catalogueError } from './catalogue.errors';
import { LocaleEntity } from './locale.entity';
import { targetLocale } from './locale-code';
import { NamespaceEntity } from './namespace.entity';
import type { ProjectEntity } from './project.entity';
import { ProjectService } from './project.service';
import { GLOSSARY_NAMESPACE } from '../glossary/glossary-namespace';

export interface NamespaceRow {
  readonly namespace: NamespaceEntity;
  readonly stringCount: number;
}

/** Target locales and namespaces of a project. */
@Injectable()
export class LocaleService {
  private readonly logger = new Logger(LocaleService.name);

  constructor(
    private readonly access: AccessService,
    private readonly projects: ProjectService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly rebuilds: BundleRebuildProducer,
  ) {}

  /** Adds a target locale; its bundles (the source fallback until winners arrive) follow. */
  async add(userId: string, slug: string, code: string): Promise<LocaleEntity> {
    const project = await this.access.requireProject(userId, slug, 'locale.add');
    const added = await this.dataSource.transaction(async (manager) => {
      const locale = await this.insertLocale(manager, project, code);
      await this.audit.record(
        {
          actorId: userId,
          projectId: project.id,
          type: 'locale.added',
          payload: { code: locale.code },
        },
        manager,
      );
      return locale;
    });
    // The locale is committed. A missed request is caught up by the next one naming this locale or
    // all of them; until then the build keeps building it anyway, since it has no stored bundle.
    await this.rebuilds.requestRebuild(project.id, [added.code]).catch((error: unknown) => {
      this.logger.warn(`bundle rebuild request failed: ${String(error)}`);
    });
    return added;
  }

  /**
   * Validates and inserts a target locale: UNKNOWN_LOCALE for codes the pinned plural table does not
   * know, SOURCE_LOCALE for the source language, LOCALE_EXISTS for a duplicate.
   */
  async insertLocale(
    manager: EntityManager,
    project: Pick<ProjectEntity, 'id' | 'slug' | 'sourceLocale'>,
    code: string,
  ): Promise<LocaleEntity> {
    const checked = targetLocale(code);
    if (!checked.ok) throw catalogueError('UNKNOWN_LOCALE', checked.message);
    if (checked.code === project.sourceLocale) {
      throw catalogueError(
        'SOURCE_LOCALE',
        `${checked.code} is the source language of "${project.slug}"; add the languages it is translated into.`,
      );
    }
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO locale (project_id, code) VALUES ($1, $2)
       ON CONFLICT (project_id, code) DO NOTHING RETURNING id`,
      [project.id, checked.code],
    );
    if (inserted.length === 0) {
      throw catalogueError(
        'LOCALE_EXISTS',
        `"${project.slug}" already translates into ${checked.code}.`,
      );
    }
    return manager.findOneByOrFail(LocaleEntity, { id: inserted[0]?.id ?? '' });
  }

  async list(userId: string | null, slug: string): Promise<LocaleEntity[]> {
    const project = await this.projects.findVisible(slug, userId);
    return this.dataSource
      .getRepository(LocaleEntity)
      .find({ where: { projectId: project.id }, order: { code: 'ASC' } });
  }

  async namespaces(userId: string | null, slug: string): Promise<NamespaceRow[]> {
    const project = await this.projects.findVisible(slug, userId);
    const namespaces = await this.dataSource
      .getRepository(NamespaceEntity)
      .find({ where: { projectId: project.id }, order: { name: 'ASC' } });
    const counts: { namespace_id: string; n: string }[] = await this.dataSource.query(
      `SELECT namespace_id, count(*) AS n FROM source_string
       WHERE project_id = $1 AND removed_at IS NULL GROUP BY namespace_id`,
      [project.id],
    );
    const byId = new Map(counts.map((c) => [c.namespace_id, Number(c.n)]));
    // The glossary's reserved namespace is not a catalogue file.
    return namespaces
      .filter((n) => n.name !== GLOSSARY_NAMESPACE)
      .map((namespace) => ({
        namespace,
        stringCount: byId.get(namespace.id) ?? 0,
      }));
  }
}
