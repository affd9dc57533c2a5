import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AccessService } from '../identity/access.service';
import { communityError } from './community.errors';
import type { LocaleGoalModel } from './dto/locale-goal.model';
import { daysLeft, isValidDueDate } from './goal-progress';
import { LocaleGoalEntity } from './locale-goal.entity';
import { localeCounts, type LocaleCounts } from '../translation/locale-counts.query';
import { LocaleCountsService } from '../translation/locale-counts.service';
import { requireTargetLocale } from './project-locales';

/** Owners' goals per locale ("pl 100% by 31 January") and their progress. */
@Injectable()
export class GoalService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly counts: LocaleCountsService,
  ) {}

  /** Sets (or, with targetPercent null, removes) the goal of one locale (owners: project.update). */
  async set(
    actorId: string,
    slug: string,
    localeInput: string,
    targetPercent: number | null,
    dueDate: string | null,
    now: Date,
  ): Promise<LocaleGoalModel | null> {
    const project = await this.access.requireProject(actorId, slug, 'project.update');
    return this.dataSource.transaction(async (manager) => {
      const locale = await requireTargetLocale(manager, project, localeInput);
      if (targetPercent === null) {
        await manager.delete(LocaleGoalEntity, { projectId: project.id, locale });
        await this.audit.record(
          { actorId, projectId: project.id, type: 'goal.removed', payload: { locale } },
          manager,
        );
        return null;
      }
      if (dueDate === null || !isValidDueDate(dueDate, now)) {
        throw communityError(
          'INVALID_GOAL',
          'dueDate must be a day from today on, within ten years, as YYYY-MM-DD (e.g. 2027-01-31).',
        );
      }
      await manager.upsert(
        LocaleGoalEntity,
        { projectId: project.id, locale, targetPercent, dueDate },
        ['projectId', 'locale'],
      );
      await this.audit.record(
        {
          actorId,
          projectId: project.id,
          type: 'goal.set',
          payload: { locale, targetPercent, dueDate },
        },
        manager,
      );
      const [counts] = (await localeCounts(manager, [project.id])).filter(
        (c) => c.locale === locale,
      );
      return toGoalModel({ locale, targetPercent, dueDate }, counts, now);
    });
  }

  async goalsOf(projectId: string, now: Date): Promise<LocaleGoalModel[]> {
    const goals = await this.dataSource
      .getRepository(LocaleGoalEntity)
      .find({ where: { projectId }, order: { locale: 'ASC' } });
    if (goals.length === 0) return [];
    const counts = await this.counts.countsOf([projectId]);
    return goals.map((g) =>
      toGoalModel(
        g,
        counts.find((c) => c.locale === g.locale),
        now,
      ),
    );
  }

  /** Goals of many projects at once (the directory), keyed by `${projectId}/${locale}`. */
  async goalsByLocale(projectIds: readonly string[]): Promise<Map<string, LocaleGoalEntity>> {
    if (projectIds.length === 0) return new Map();
    const goals = await this.dataSource
      .getRepository(LocaleGoalEntity)
      .createQueryBuilder('g')
      .where('g.project_id = ANY(:ids)', { ids: projectIds })
      .getMany();
    return new Map(goals.map((g) => [`${g.projectId}/${g.locale}`, g]));
  }
}

export function toGoalModel(
  goal: Pick<LocaleGoalEntity, 'locale' | 'targetPercent' | 'dueDate'>,
  counts: LocaleCounts | undefined,
  now: Date,
): LocaleGoalModel {
  const coverage = counts?.coverage ?? 0;
  return {
    locale: goal.locale,
    targetPercent: goal.targetPercent,
    dueDate: goal.dueDate,
    coverage,
    daysLeft: daysLeft(goal.dueDate, now),
    reached: coverage >= goal.targetPercent,
  };
}
