import type { ProjectEntity } from '../catalogue/project.entity';
import type { InviteModel } from './dto/invite.model';
import type { InviteEntity } from './invite.entity';

export function toInviteModel(
  invite: InviteEntity,
  project: Pick<ProjectEntity, 'slug'>,
): InviteModel {
  return {
    id: invite.id,
    project: project.slug,
    role: invite.role,
    locale: invite.locale === '' ? null : invite.locale,
    expiresAt: invite.expiresAt,
    maxUses: invite.maxUses,
    uses: invite.uses,
    createdAt: invite.createdAt,
    revokedAt: invite.revokedAt,
  };
}
