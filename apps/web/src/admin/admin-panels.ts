/** The admin page's panels, each shown only to a viewer whose capabilities include its action. */
export type AdminPanel =
  | 'catalogue'
  | 'locales'
  | 'voting'
  | 'openCall'
  | 'inContext'
  | 'members'
  | 'invites'
  | 'tokens'
  | 'webhooks'
  | 'moderationQueue'
  | 'decisions'
  | 'moderation'
  | 'flaggedAccounts';

/** Which action of the API's permission table (Project.viewerCan.actions) a panel needs. */
const NEEDS: ReadonlyArray<readonly [AdminPanel, readonly string[]]> = [
  ['catalogue', ['catalogue.import', 'translations.import']],
  ['locales', ['locale.add']],
  ['voting', ['project.update']],
  ['openCall', ['project.update']],
  ['inContext', ['project.update']],
  ['members', ['member.manage']],
  ['invites', ['member.manage']],
  ['tokens', ['token.manage']],
  ['webhooks', ['webhook.manage']],
  ['moderationQueue', ['report.handle']],
  ['decisions', ['candidate.approve']],
  ['moderation', ['candidate.reject']],
  ['flaggedAccounts', ['abuse.view']],
];

/** The panels a viewer may use, in page order: a page never offers controls that would be refused. */
export function adminPanelsFor(actions: readonly string[]): AdminPanel[] {
  return NEEDS.filter(([, any]) => any.some((action) => actions.includes(action))).map(
    ([panel]) => panel,
  );
}
