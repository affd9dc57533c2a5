import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogueImportService } from '../catalogue/catalogue-import.service';
import type { LocaleService } from '../catalogue/locale.service';
import type { ProjectService } from '../catalogue/project.service';
import type { OpenProjectService } from '../community/open-project.service';

/**
 * The in-context demo (issue 19): the project behind apps/example, which `npm start` serves at
 * /example/. Its source catalogue is the shop's own English file; German and Polish want help and
 * the project is open, so any visitor who signs up can translate the shop inside the shop.
 */
export const DEMO_EXAMPLE = {
  slug: 'example',
  name: 'Example shop (in-context demo)',
  sourceLocale: 'en',
} as const;

export const DEMO_EXAMPLE_LOCALES = ['de', 'pl'] as const;

export interface ExampleDeps {
  readonly projects: ProjectService;
  readonly locales: LocaleService;
  readonly importer: CatalogueImportService;
  readonly openProjects: OpenProjectService;
}

/**
 * Seeds the example project once, from `<dir>/en/translation.json`; skipped when the project
 * exists or the file is missing. Returns whether it seeded.
 */
export async function seedExample(
  deps: ExampleDeps,
  ownerId: string,
  dir: string | null,
): Promise<boolean> {
  const source = dir === null ? null : join(dir, DEMO_EXAMPLE.sourceLocale, 'translation.json');
  if (source === null || !existsSync(source)) return false;
  if ((await deps.projects.findBySlug(DEMO_EXAMPLE.slug)) !== null) return false;
  await deps.projects.create(ownerId, { ...DEMO_EXAMPLE, visibility: 'public' }, { system: true });
  for (const code of DEMO_EXAMPLE_LOCALES) await deps.locales.add(ownerId, DEMO_EXAMPLE.slug, code);
  await deps.importer.importFile(
    { userId: ownerId },
    DEMO_EXAMPLE.slug,
    'translation',
    DEMO_EXAMPLE.sourceLocale,
    readFileSync(source, 'utf8'),
    { async: false },
    new Date(),
  );
  await deps.openProjects.setOpen(ownerId, DEMO_EXAMPLE.slug, true, [...DEMO_EXAMPLE_LOCALES]);
  return true;
}
