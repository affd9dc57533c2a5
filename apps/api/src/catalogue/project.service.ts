import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { catalogueError } from './catalogue.errors';
import { canonicalLocale } from './locale-code';
import { MembershipEntity } from '../identity/membership.entity';
import { ProjectEntity, type ProjectVisibility } from './project.entity';

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
  ) {}

  /** Creates a project; its creator becomes its owner. */
  async create(ownerId: string, input: NewProject): Promise<ProjectEntity> {
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
      const project = manager.create(ProjectEntity, { ...input, sourceLocale, settings: {} });
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

  /** Public projects, plus private ones the viewer belongs to. */
  async visibleTo(userId: string | null): Promise<ProjectEntity[]> {
    const query = this.projects
      .createQueryBuilder('p')
      .orderBy('p.name', 'ASC')
      .addOrderBy('p.slug', 'ASC');
    if (userId === null) return query.where("p.visibility = 'public'").getMany();
    return query
      .where("p.visibility = 'public'")
      .orWhere(
        'EXISTS (SELECT 1 FROM membership m WHERE m.project_id = p.id AND m.user_id = :userId)',
        { userId },
      )
      .getMany();
  }

  async findVisible(slug: string, userId: string | null): Promise<ProjectEntity> {
    const project = await this.projects.findOne({ where: { slug } });
    if (
      project !== null &&
      (project.visibility === 'public' ||
        (userId !== null && (await this.isMember(project.id, userId))))
    ) {
      return project;
    }
    throw catalogueError('PROJECT_NOT_FOUND', `No project "${slug}" is visible to you.`);
  }

  async findBySlug(slug: string): Promise<ProjectEntity | null> {
    return this.projects.findOne({ where: { slug } });
  }

  private async isMember(projectId: string, userId: string): Promise<boolean> {
    return (
      (await this.dataSource
        .getRepository(MembershipEntity)
        .count({ where: { projectId, userId } })) > 0
    );
  }
}
