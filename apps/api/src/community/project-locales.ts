import type { EntityManager } from 'typeorm';
import { canonicalLocale } from '../catalogue/locale-code';
import type { ProjectEntity } from '../catalogue/project.entity';
import { communityError } from './community.errors';

/** The project's target locales (the source locale is not one), in code order. */
export async function targetLocalesOf(
  manager: EntityManager,
  project: Pick<ProjectEntity, 'id' | 'sourceLocale'>,
): Promise<string[]> {
  const rows = await manager.query<{ code: string }[]>(
    'SELECT code FROM locale WHERE project_id = $1 AND code <> $2 ORDER BY code',
    [project.id, project.sourceLocale],
  );
  return rows.map((r) => r.code);
}

/** Canonicalises `input` and checks it is a target locale of the project (LOCALE_NOT_IN_PROJECT). */
export async function requireTargetLocale(
  manager: EntityManager,
  project: Pick<ProjectEntity, 'id' | 'slug' | 'sourceLocale'>,
  input: string,
): Promise<string> {
  const code = canonicalLocale(input);
  const locales = await targetLocalesOf(manager, project);
  if (code === null || !locales.includes(code)) {
    throw communityError(
      'LOCALE_NOT_IN_PROJECT',
      `"${project.slug}" does not translate into "${input}". Pick one of: ${locales.join(', ') || '(none yet)'}.`,
      { locales },
    );
  }
  return code;
}
