import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { commonError } from '../common/errors/common.errors';
import type { ProjectEntity } from '../catalogue/project.entity';
import { MembershipEntity } from './membership.entity';
import { isAllowed, type MembershipGrant, type ProjectAction } from './permissions';

/** Authorisation against the permission table, for signed-in users. */
@Injectable()
export class AccessService {
  constructor(private readonly dataSource: DataSource) {}

  async membershipsOf(projectId: string, userId: string): Promise<MembershipGrant[]> {
    return this.dataSource
      .getRepository(MembershipEntity)
      .find({ where: { projectId, userId }, select: { role: true, locale: true } });
  }

  async can(
    userId: string,
    project: Pick<ProjectEntity, 'id' | 'visibility'>,
    action: ProjectAction,
    locale?: string,
  ): Promise<boolean> {
    const memberships = await this.membershipsOf(project.id, userId);
    return isAllowed(action, {
      memberships,
      publicProject: project.visibility === 'public',
      ...(locale === undefined ? {} : { locale }),
    });
  }

  /** Throws FORBIDDEN, naming the action, unless the user may do it. */
  async require(
    userId: string,
    project: Pick<ProjectEntity, 'id' | 'visibility' | 'slug'>,
    action: ProjectAction,
    locale?: string,
  ): Promise<void> {
    if (!(await this.can(userId, project, action, locale))) {
      const where =
        locale === undefined
          ? `project "${project.slug}"`
          : `${locale} in project "${project.slug}"`;
      throw commonError(
        'FORBIDDEN',
        `You may not ${action.replace('.', ': ')} in ${where}. Ask a project owner for the role.`,
      );
    }
  }
}
