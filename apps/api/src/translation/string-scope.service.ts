import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppError } from '../common/errors/app-error';
import { catalogueError } from '../catalogue/catalogue.errors';
import { canonicalLocale } from '../catalogue/locale-code';
import { LocaleEntity } from '../catalogue/locale.entity';
import { ProjectEntity } from '../catalogue/project.entity';
import { ProjectService } from '../catalogue/project.service';
import { SourceStringEntity } from '../catalogue/source-string.entity';
import { AccessService } from '../identity/access.service';
import { translationError } from './translation.errors';

/** A project and one of its locales, resolved for a viewer who may read the project. */
export interface LocaleScope {
  readonly project: ProjectEntity;
  readonly locale: LocaleEntity;
}

export interface StringScope extends LocaleScope {
  readonly string: SourceStringEntity;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Read authorisation of the translation context: public projects are readable by anyone (also
 * anonymously), private ones by members only; a private project a viewer cannot read does not
 * exist for them (PROJECT_NOT_FOUND / STRING_NOT_FOUND, never FORBIDDEN).
 */
@Injectable()
export class StringScopeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly projects: ProjectService,
    private readonly access: AccessService,
  ) {}

  async project(slug: string, viewerId: string | null): Promise<ProjectEntity> {
    return this.projects.findVisible(slug, viewerId);
  }

  async locale(slug: string, localeCode: string, viewerId: string | null): Promise<LocaleScope> {
    const project = await this.project(slug, viewerId);
    return { project, locale: await this.localeOf(project, localeCode) };
  }

  async string(
    stringId: string,
    localeCode: string,
    viewerId: string | null,
  ): Promise<StringScope> {
    const string = UUID.test(stringId)
      ? await this.dataSource.getRepository(SourceStringEntity).findOne({ where: { id: stringId } })
      : null;
    const project =
      string === null
        ? null
        : await this.dataSource
            .getRepository(ProjectEntity)
            .findOne({ where: { id: string.projectId } });
    if (string === null || project === null || !(await this.canRead(project, viewerId))) {
      throw translationError('STRING_NOT_FOUND', `No string "${stringId}" is visible to you.`);
    }
    return { project, string, locale: await this.localeOf(project, localeCode) };
  }

  /** Whether the viewer may manage `localeCode` (sees authors and tallies without voting). */
  async isManager(
    project: ProjectEntity,
    viewerId: string | null,
    localeCode: string,
  ): Promise<boolean> {
    return viewerId !== null && this.access.can(viewerId, project, 'candidate.approve', localeCode);
  }

  private async canRead(project: ProjectEntity, viewerId: string | null): Promise<boolean> {
    if (project.visibility === 'public') return true;
    return viewerId !== null && (await this.access.membershipsOf(project.id, viewerId)).length > 0;
  }

  async localeOf(project: ProjectEntity, localeCode: string): Promise<LocaleEntity> {
    const locale = await this.dataSource
      .getRepository(LocaleEntity)
      .findOne({ where: { projectId: project.id, code: localeCodeOf(localeCode) } });
    if (locale === null) throw unknownLocale(project, localeCode);
    return locale;
  }
}

/** The code a locale row is stored under for what a client sent (canonical BCP 47 when valid). */
export function localeCodeOf(localeCode: string): string {
  return canonicalLocale(localeCode) ?? localeCode;
}

export function unknownLocale(project: Pick<ProjectEntity, 'slug'>, localeCode: string): AppError {
  return catalogueError(
    'UNKNOWN_LOCALE',
    `Project "${project.slug}" has no locale "${localeCode}"; ask a developer to add it.`,
  );
}
