import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { JsonValue } from '../common/errors/app-error';
import { AccessService } from '../identity/access.service';
import { checkVotingOverrides } from './voting-settings';
import { catalogueError, projectNotVisible } from './catalogue.errors';
import { canonicalLocale } from './locale-code';
import { isReservedSlug } from './reserved-slugs';
import { MembershipEntity } from '../identity/membership.entity';
import { ProjectEntity, type ProjectVisibility } from './project.entity';

export interface ProjectChanges {
  readonly name?: string | null;
  readonly visibility?: ProjectVisibility | null;
  /** Replaces the voting overrides; null/undefined leaves them as they are. */
  readonly votingParameters?: Readonly<Record<string, number | null | undefined>> | null;
}

export interface NewProject {
  readonly slug: string;
  readonly name: string;
  readonly sourceLocale: string;
  readonly visibility: ProjectVisibility;
}

@Injectable()
export class ProjectService {
  constructor(
    @InjectRepository(ProjectEntity) private readonly projects: Repository<ProjectEntity>,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /**
   * Owners change name, visibility and voting parameters. Parameters are checked as a whole set by
   * @chorus/voting and stored as overrides in settings.voting; every problem is reported at once.
   */
  async update(userId: string, slug: string, changes: ProjectChanges): Promise<ProjectEntity> {
    const found = await this.access.requireProject(userId, slug, 'project.update');
    let voting: Record<string, number> | undefined;
    if (changes.votingParameters !== undefined && changes.votingParameters !== null) {
      voting = {};
      for (const [key, value] of Object.entries(changes.votingParameters)) {
        if (value !== null && value !== undefined) voting[key] = value;
      }
      const checked = checkVotingOverrides(voting);
      if (!checked.ok) {
        const issues: JsonValue[] = checked.issues.map((i) => ({
          field: `votingParameters.${i.param}`,
          message: `${i.param} ${i.message}`,
        }));
        throw catalogueError(
          'INVALID_VOTING_PARAMETERS',
          `Invalid voting parameters: ${checked.issues.map((i) => `${i.param} ${i.message}`).join('; ')}.`,
          { issues },
        );
      }
    }
    return this.dataSource.transaction(async (manager) => {
      const project = await manager.findOneOrFail(ProjectEntity, {
        where: { id: found.id },
        lock: { mode: 'pessimistic_write' },
      });
      const before = { name: project.name, visibility: project.visibility };
      if (changes.name !== undefined && changes.name !== null) project.name = changes.name.trim();
      if (changes.visibility !== undefined && changes.visibility !== null) {
        project.visibility = changes.visibility;
      }
      if (voting !== undefined) project.settings = { ...project.settings, voting };
      await manager.save(project);
      await this.audit.record(
        {
          actorId: userId,
          projectId: project.id,
          type: 'project.updated',
          payload: {
            before,
            after: { name: project.name, visibility: project.visibility },
            ...(voting === undefined ? {} : { voting }),
          },
        },
        manager,
      );
      return project;
    });
  }

  /** Creates a project; its creator becomes its owner. */
  /** `system`: only the instance's own seed creates projects under reserved slugs. */
  async create(
    ownerId: string,
    input: NewProject,
    options: { readonly system?: boolean } = {},
  ): Promise<ProjectEntity> {
    const system = options.system === true;
    if (!system && isReservedSlug(input.slug)) {
      throw catalogueError(
        'SLUG_RESERVED',
        `The slug "${input.slug}" is reserved for the platform; choose another.`,
      );
    }
    const sourceLocale = canonicalLocale(input.sourceLocale);
    if (sourceLocale === null) {
      throw catalogueError(
        'UNKNOWN_LOCALE',
        `"${input.sourceLocale}" is not a BCP 47 locale code (try "en" or "pt-BR").`,
      );
    }
    return this.dataSource.transaction(async (manager) => {
      if ((await manager.findOne(ProjectEntity, { where: { slug: input.slug } })) !== null) {
        throw catalogueError('SLUG_TAKEN', `The slug "${input.slug}" is taken; choose another.`);
      }
      const project = manager.create(ProjectEntity, {
        ...input,
        sourceLocale,
        settings: {},
        system,
      });
      await manager.save(project);
      await manager.insert(MembershipEntity, {
        projectId: project.id,
        userId: ownerId,
        role: 'owner',
        locale: '',
      });
      await this.audit.record(
        {
          actorId: ownerId,
          projectId: project.id,
          type: 'project.created',
          payload: { slug: project.slug },
        },
        manager,
      );
      return project;
    });
  }

  /**
   * One page of the public projects plus the private ones the viewer belongs to, in name order
   * (slug breaking ties): the `first` after the project `after` (a slug the viewer can see, else
   * INVALID_CURSOR).
   */
  async visibleTo(
    userId: string | null,
    page: { readonly first: number; readonly after: string | null },
  ): Promise<ProjectEntity[]> {
    const cursor = page.after === null ? null : await this.visible(page.after, userId);
    if (page.after !== null && cursor === null) {
      throw catalogueError(
        'INVALID_CURSOR',
        `after must be the slug of a project on the previous page; "${page.after}" is not one.`,
      );
    }
    const query = this.projects
      .createQueryBuilder('p')
      .where(
        userId === null
          ? "p.visibility = 'public'"
          : `(p.visibility = 'public' OR EXISTS (
               SELECT 1 FROM membership m WHERE m.project_id = p.id AND m.user_id = :userId))`,
        { userId },
      )
      .orderBy('p.name', 'ASC')
      .addOrderBy('p.slug', 'ASC')
      .limit(page.first);
    if (cursor !== null) {
      query.andWhere('(p.name, p.slug) > (:name, :slug)', { name: cursor.name, slug: cursor.slug });
    }
    return query.getMany();
  }

  async findVisible(slug: string, userId: string | null): Promise<ProjectEntity> {
    const project = await this.visible(slug, userId);
    if (project !== null) return project;
    throw projectNotVisible(slug);
  }

  private async visible(slug: string, userId: string | null): Promise<ProjectEntity | null> {
    const project = await this.projects.findOne({ where: { slug } });
    if (
      project !== null &&
      (project.visibility === 'public' ||
        (userId !== null && (await this.isMember(project.id, userId))))
    ) {
      return project;
    }
    return null;
  }

  async findBySlug(slug: string): Promise<ProjectEntity | null> {
    return this.projects.findOne({ where: { slug } });
  }

  /** 'public' or 'private', or null for a project that no longer exists. */
  async visibilityOf(projectId: string): Promise<ProjectEntity['visibility'] | null> {
    const project = await this.projects.findOne({
      where: { id: projectId },
      select: { id: true, visibility: true },
    });
    return project?.visibility ?? null;
  }

  async isMember(projectId: string, userId: string): Promise<boolean> {
    return (
      (await this.dataSource
        .getRepository(MembershipEntity)
        .count({ where: { projectId, userId } })) > 0
    );
  }
}
