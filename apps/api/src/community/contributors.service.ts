import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../identity/access.service';
import type { ProjectEntity } from '../catalogue/project.entity';
import type { Contributor } from './credits-format';
import { requireTargetLocale } from './project-locales';

/** At most this many names in one credits list. */
export const MAX_CONTRIBUTORS = 5_000;

interface Row {
  display_name: string;
  locales: string[];
  candidates: number;
  wins: number;
  votes: number;
}

/**
 * Everyone who contributed to a project (or one locale): wrote a candidate or voted. Imported
 * translations are the developers' files, not contributions; banned accounts are left out.
 */
@Injectable()
export class ContributorsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /** Credits are the owner's to publish (project.update). */
  async forExport(
    userId: string,
    slug: string,
    localeInput: string | null,
  ): Promise<{ project: ProjectEntity; locale: string | null; contributors: Contributor[] }> {
    const project = await this.access.requireProject(userId, slug, 'project.update');
    const locale =
      localeInput === null
        ? null
        : await requireTargetLocale(this.dataSource.manager, project, localeInput);
    return { project, locale, contributors: await this.list(project.id, locale) };
  }

  async list(projectId: string, locale: string | null): Promise<Contributor[]> {
    const rows = await this.dataSource.query<Row[]>(
      `WITH units AS (
         SELECT u.id, l.code FROM translation_unit u JOIN locale l ON l.id = u.locale_id
          WHERE u.project_id = $1 AND ($2::text IS NULL OR l.code = $2)
       ), written AS (
         SELECT t.author_id AS user_id, units.code, count(*) AS n,
                count(*) FILTER (WHERE EXISTS (
                  SELECT 1 FROM translation_unit w WHERE w.id = t.unit_id AND w.winner_translation_id = t.id)) AS wins
           FROM translation t JOIN units ON units.id = t.unit_id
          WHERE t.origin <> 'import'
          GROUP BY t.author_id, units.code
       ), voted AS (
         SELECT v.voter_id AS user_id, units.code, count(*) AS n
           FROM vote v JOIN units ON units.id = v.unit_id
          GROUP BY v.voter_id, units.code
       ), combined AS (
         SELECT coalesce(w.user_id, v.user_id) AS user_id, coalesce(w.code, v.code) AS code,
                coalesce(w.n, 0) AS candidates, coalesce(w.wins, 0) AS wins, coalesce(v.n, 0) AS votes
           FROM written w FULL JOIN voted v ON v.user_id = w.user_id AND v.code = w.code
       )
       SELECT usr.display_name, array_agg(c.code ORDER BY c.code) AS locales,
              sum(c.candidates)::int AS candidates, sum(c.wins)::int AS wins, sum(c.votes)::int AS votes
         FROM combined c JOIN "user" usr ON usr.id = c.user_id
        WHERE usr.banned_at IS NULL
        GROUP BY usr.id, usr.display_name
        ORDER BY sum(c.wins) DESC, sum(c.candidates) DESC, sum(c.votes) DESC, usr.display_name, usr.id
        LIMIT ${MAX_CONTRIBUTORS}`,
      [projectId, locale],
    );
    return rows.map((r) => ({
      displayName: r.display_name,
      locales: r.locales,
      candidates: r.candidates,
      wins: r.wins,
      votes: r.votes,
    }));
  }
}
