import { EventEntity } from '../audit/event.entity';
import { MembershipEntity } from '../catalogue/membership.entity';
import { ProjectEntity } from '../catalogue/project.entity';
import { SessionEntity } from '../identity/session.entity';
import { UserEntity } from '../identity/user.entity';

/** Every entity, listed explicitly: the API is bundled, so globs cannot find them. */
export const ENTITIES = [UserEntity, SessionEntity, ProjectEntity, MembershipEntity, EventEntity];
