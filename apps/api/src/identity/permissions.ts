import type { ProjectRole } from './membership.entity';

/**
 * Who may do what in a project: the one permission table. Services call AccessService.require
 * with an action from here, and the permission matrix test iterates over it.
 *
 * - `roles`: membership roles that grant the action.
 * - `localeScoped`: a language_manager's membership counts only for its own locale.
 * - `contributors`: any signed-in user may do it in a public project (members in a private one),
 *   as in Facebook's and Pontoon's open model.
 */
export interface Permission {
  readonly roles: readonly ProjectRole[];
  readonly localeScoped: boolean;
  readonly contributors: boolean;
}

const managers: readonly ProjectRole[] = ['owner', 'language_manager'];

export const PERMISSIONS = {
  'project.update': { roles: ['owner'], localeScoped: false, contributors: false },
  'member.manage': { roles: ['owner'], localeScoped: false, contributors: false },
  'member.view': {
    roles: ['owner', 'developer', 'language_manager', 'translator'],
    localeScoped: false,
    contributors: false,
  },
  'token.manage': { roles: ['owner', 'developer'], localeScoped: false, contributors: false },
  'webhook.manage': { roles: ['owner', 'developer'], localeScoped: false, contributors: false },
  'locale.add': { roles: ['owner', 'developer'], localeScoped: false, contributors: false },
  'catalogue.import': { roles: ['owner', 'developer'], localeScoped: false, contributors: false },
  'translations.import': {
    roles: ['owner', 'developer', 'language_manager'],
    localeScoped: true,
    contributors: false,
  },
  'candidate.approve': { roles: managers, localeScoped: true, contributors: false },
  'candidate.reject': { roles: managers, localeScoped: true, contributors: false },
  'string.lock': { roles: managers, localeScoped: true, contributors: false },
  'abuse.view': { roles: managers, localeScoped: true, contributors: false },
  'abuse.dismiss': { roles: managers, localeScoped: true, contributors: false },
  'translation.submit': {
    roles: ['owner', 'developer', 'language_manager', 'translator'],
    localeScoped: false,
    contributors: true,
  },
  'vote.cast': {
    roles: ['owner', 'developer', 'language_manager', 'translator'],
    localeScoped: false,
    contributors: true,
  },
  'report.create': {
    roles: ['owner', 'developer', 'language_manager', 'translator'],
    localeScoped: false,
    contributors: true,
  },
  /** Glossary terms (add, edit, delete, import): project-wide source terminology. */
  'glossary.manage': {
    roles: ['owner', 'developer', 'language_manager'],
    localeScoped: false,
    contributors: false,
  },
  /** The moderation queue and its actions (hide, reject, warn, ban, dismiss). */
  'report.handle': { roles: managers, localeScoped: true, contributors: false },
  /** Questions and comments on strings (issue 18): whoever may translate may discuss. */
  'discussion.post': {
    roles: ['owner', 'developer', 'language_manager', 'translator'],
    localeScoped: false,
    contributors: true,
  },
  /** Mark a developer's or manager's reply the official answer (source questions: locale ''). */
  'discussion.answer': {
    roles: ['owner', 'developer', 'language_manager'],
    localeScoped: true,
    contributors: false,
  },
  /** Flag a source-string question as a *source issue* for the developers (or clear it). */
  'issue.mark': {
    roles: ['owner', 'developer', 'language_manager'],
    localeScoped: false,
    contributors: false,
  },
} as const satisfies Record<string, Permission>;

export type ProjectAction = keyof typeof PERMISSIONS;

export const PROJECT_ACTIONS = Object.keys(PERMISSIONS) as ProjectAction[];

export interface MembershipGrant {
  readonly role: ProjectRole;
  /** '' for roles that are not per locale. */
  readonly locale: string;
}

/**
 * A project ban (moderation) withdraws every contributor action (submit, vote, comment, report)
 * until it expires, whatever the banned user's roles; management actions are not contributions.
 */
export function deniedByProjectBan(action: ProjectAction): boolean {
  const permission: Permission = PERMISSIONS[action];
  return permission.contributors;
}

/** Pure decision: does this set of memberships allow `action` (on `locale`, when scoped)? */
export function isAllowed(
  action: ProjectAction,
  context: {
    readonly memberships: readonly MembershipGrant[];
    readonly publicProject: boolean;
    readonly locale?: string;
  },
): boolean {
  const permission: Permission = PERMISSIONS[action];
  const isMember = context.memberships.length > 0;
  if (permission.contributors && (context.publicProject || isMember)) return true;
  return context.memberships.some((m) => {
    if (!permission.roles.includes(m.role)) return false;
    if (m.role !== 'language_manager' || !permission.localeScoped) return true;
    return context.locale !== undefined && m.locale === context.locale;
  });
}
