/**
 * Slugs no account may take: the web client's own catalogue (`chorus-ui`, served as
 * /bundles/chorus-ui/…) and names that read as the platform's own. Only the instance itself
 * (the seed) creates a project under one of them, flagged `system`; bundles of a reserved
 * slug are served only from such a project, so a squatted row from before this rule shows nothing.
 */
export const UI_CATALOGUE_SLUG = 'chorus-ui';

export const RESERVED_SLUGS: readonly string[] = [
  UI_CATALOGUE_SLUG,
  'chorus',
  'admin',
  'administrator',
  'api',
  'graphql',
  'bundles',
  'health',
  'system',
  'root',
  'www',
  'static',
  'assets',
  'settings',
  'sign-in',
  'sign-up',
  'login',
  'logout',
  'projects',
];

export function isReservedSlug(slug: string): boolean {
  return RESERVED_SLUGS.includes(slug.toLowerCase());
}
