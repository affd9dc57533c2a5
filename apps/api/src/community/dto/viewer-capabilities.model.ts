import { Field, ObjectType } from '@nestjs/graphql';
import { PROJECT_ROLES } from '../../identity/dto/membership.model';
import type { ProjectRole } from '../../identity/membership.entity';

@ObjectType('ViewerCapabilities', {
  description:
    'What the signed-in viewer may do in a project, from the permission table (identity/permissions.ts). Pages show only the controls listed here.',
})
export class ViewerCapabilitiesModel {
  @Field(() => [String], {
    description:
      'Actions of the permission table allowed in the project (for a per-locale action: in at least one locale), e.g. member.manage, translation.submit',
  })
  actions!: string[];

  @Field(() => [String], { description: 'Locales where the viewer may approve and reject' })
  managedLocales!: string[];

  @Field(() => [PROJECT_ROLES], { description: "The viewer's roles (empty for a non-member)" })
  roles!: ProjectRole[];

  @Field(() => [String], { description: 'Locales the viewer joined as a translator' })
  joinedLocales!: string[];

  @Field(() => Boolean, {
    description: 'Signed in and the project is open (a member may join another locale)',
  })
  canJoin!: boolean;

  @Field(() => Boolean, {
    description:
      'Banned from the project by a moderator: may read, but not contribute or join (see bannedUntil)',
  })
  banned!: boolean;

  @Field(() => Date, {
    nullable: true,
    description: "When the viewer's project ban ends; null when not banned or banned until lifted",
  })
  bannedUntil!: Date | null;
}
