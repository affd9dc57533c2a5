import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { CatalogueImportService } from '../catalogue/catalogue-import.service';
import type { ProjectService } from '../catalogue/project.service';
import type { IdentityService } from '../identity/identity.service';
import type { VotingService } from '../voting/voting.service';

/** A second demo project with open work, so a newcomer sees a decision within minutes (issue 17). */
export const DEMO_PLAYGROUND = {
  slug: 'playground',
  name: 'Playground: decide a string in minutes',
  sourceLocale: 'en',
} as const;

/**
 * Ten-minute rounds that may close a minute after they start: with the community thresholds, a
 * newcomer's "Good" next to the demo volunteers' votes decides a string before the coffee is cold.
 */
export const PLAYGROUND_VOTING = {
  duration: 600_000,
  minDuration: 60_000,
  extension: 600_000,
  reopenCooldown: 60_000,
} as const;

const SOURCE = {
  cancel: 'Cancel',
  greeting: 'Hello, {{name}}!',
  items_one: '{{count}} item',
  items_other: '{{count}} items',
  save: 'Save changes',
  search: 'Search',
  settings: 'Settings',
  signIn: 'Sign in',
  signOut: 'Sign out',
};
/** German already ships one string; French ships nothing: both have untranslated strings. */
const SHIPPED: Record<string, Record<string, string>> = { de: { cancel: 'Abbrechen' }, fr: {} };
/** Rounds in progress: Ada proposed these, Bruno upvoted the first two. */
const PROPOSED: readonly (readonly [key: string, text: string, upvoted: boolean])[] = [
  ['save', 'Änderungen speichern', true],
  ['signIn', 'Anmelden', true],
  ['search', 'Suchen', false],
];

export interface PlaygroundDeps {
  readonly identity: IdentityService;
  readonly projects: ProjectService;
  readonly importer: CatalogueImportService;
  readonly voting: VotingService;
  readonly dataSource: DataSource;
}

/** Seeds the playground once (skipped when the project exists); returns whether it did. */
export async function seedPlayground(deps: PlaygroundDeps, ownerId: string): Promise<boolean> {
  if ((await deps.projects.findBySlug(DEMO_PLAYGROUND.slug)) !== null) return false;
  await deps.projects.create(
    ownerId,
    { ...DEMO_PLAYGROUND, visibility: 'public' },
    { system: true },
  );
  await deps.projects.update(ownerId, DEMO_PLAYGROUND.slug, {
    votingParameters: PLAYGROUND_VOTING,
  });
  const files: [string, Record<string, string>][] = [['en', SOURCE], ...Object.entries(SHIPPED)];
  for (const [locale, entries] of files) {
    await deps.importer.importFile(
      { userId: ownerId },
      DEMO_PLAYGROUND.slug,
      'translation',
      locale,
      JSON.stringify(entries),
      { async: false },
      new Date(),
    );
  }
  // Volunteers sign in with nothing: their passwords are random and never shown.
  const volunteer = (name: string) =>
    deps.identity.ensureUser(
      `${name.toLowerCase()}@demo.chorus.local`,
      randomBytes(24).toString('base64url'),
      name,
    );
  const ada = await volunteer('Ada');
  const bruno = await volunteer('Bruno');
  const strings = await deps.dataSource.query<{ id: string; key: string }[]>(
    `SELECT s.id, s.key FROM source_string s JOIN project p ON p.id = s.project_id
      WHERE p.slug = $1 AND s.kind = 'simple'`,
    [DEMO_PLAYGROUND.slug],
  );
  const byKey = new Map(strings.map((s) => [s.key, s.id]));
  for (const [key, text, upvoted] of PROPOSED) {
    const stringId = byKey.get(key);
    if (stringId === undefined) continue;
    const now = Date.now();
    const { candidateId } = await deps.voting.submit(
      ada.id,
      { stringId, locale: 'de', forms: { '': text } },
      now,
    );
    if (upvoted) await deps.voting.vote(bruno.id, candidateId, 1, now);
  }
  return true;
}
