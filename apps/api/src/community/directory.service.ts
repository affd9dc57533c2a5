import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { toProjectModel } from '../catalogue/project.mapper';
import { ProjectEntity } from '../catalogue/project.entity';
import { UserEntity } from '../identity/user.entity';
import type { LocaleNeedModel, ProjectNeedPageModel } from './dto/project-need.model';
import { LocaleCountsService } from '../translation/locale-counts.service';
import { toGoalModel, GoalService } from './goal.service';

export const DIRECTORY_PAGE_DEFAULT = 20;

/** The primary language subtag: a person who translates "pt" can help "pt-BR" and the reverse. */
export function primaryLanguage(code: string): string {
  return (code.split('-')[0] ?? code).toLowerCase();
}

/**
 * *Projects that need you*: open public projects with a locale in the viewer's languages, and what
 * each of those locales is missing. Keyset pages in slug order.
 */
@Injectable()
export class DirectoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly goals: GoalService,
    private readonly counts: LocaleCountsService,
  ) {}

  async projectsThatNeedYou(
    userId: string,
    requested: readonly string[] | null,
    first: number,
    after: string | null,
    now: Date,
  ): Promise<ProjectNeedPageModel> {
    const languages =
      requested ??
      (await this.dataSource.getRepository(UserEntity).findOne({ where: { id: userId } }))
        ?.languages ??
      [];
    // No languages named anywhere: every open project, every locale.
    const wanted = languages.length === 0 ? null : [...new Set(languages.map(primaryLanguage))];
    const projects = await this.dataSource
      .getRepository(ProjectEntity)
      .createQueryBuilder('p')
      .where("p.open AND p.visibility = 'public'")
      .andWhere(
        `(CAST(:wanted AS text[]) IS NULL OR EXISTS (
           SELECT 1 FROM locale l WHERE l.project_id = p.id AND l.code <> p.source_locale
              AND lower(split_part(l.code, '-', 1)) = ANY(CAST(:wanted AS text[]))))`,
        { wanted },
      )
      .andWhere('(CAST(:after AS text) IS NULL OR p.slug > :after)', { after })
      .orderBy('p.slug', 'ASC')
      .limit(first + 1)
      .getMany();
    const page = projects.slice(0, first);
    const ids = page.map((p) => p.id);
    const [counts, goals] = await Promise.all([
      this.counts.countsOf(ids),
      this.goals.goalsByLocale(ids),
    ]);
    return {
      items: page.map((project) => {
        const locales: LocaleNeedModel[] = counts
          .filter(
            (c) =>
              c.projectId === project.id &&
              (wanted === null || wanted.includes(primaryLanguage(c.locale))),
          )
          .map((c) => {
            const goal = goals.get(`${project.id}/${c.locale}`);
            return {
              locale: c.locale,
              total: c.total,
              untranslated: c.untranslated,
              voting: c.voting,
              needsDecision: c.needsDecision,
              helpWanted: project.helpWantedLocales.includes(c.locale),
              goal: goal === undefined ? null : toGoalModel(goal, c, now),
            };
          })
          .sort(
            (a, b) => Number(b.helpWanted) - Number(a.helpWanted) || (a.locale < b.locale ? -1 : 1),
          );
        return { project: toProjectModel(project), locales };
      }),
      endCursor: projects.length > first ? (page[page.length - 1]?.slug ?? null) : null,
    };
  }
}
