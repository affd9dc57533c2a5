import type { MemberModel } from './dto/membership.model';
import type { MembershipEntity } from './membership.entity';
import type { UserEntity } from './user.entity';
import { toUserModel } from './user.mapper';

export function toMemberModel(membership: MembershipEntity, user: UserEntity): MemberModel {
  return {
    id: membership.id,
    user: toUserModel(user),
    role: membership.role,
    locale: membership.locale === '' ? null : membership.locale,
    createdAt: membership.createdAt,
  };
}
