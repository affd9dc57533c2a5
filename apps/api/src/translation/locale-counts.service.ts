import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReadCache } from '../common/cache/read-cache';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env.schema';
import { AggregateLoads } from './aggregate-loads';
import { localeCounts, type LocaleCounts } from './locale-counts.query';

/** Projects whose counts each API process keeps. */
const CACHED_PROJECTS = 1_000;

/**
 * Each project's locale counts (localeCounts), as the dashboard (`localeStats`), the project's
 * goals and the *Projects that need you* directory show them: computed per project, reused for
 * STATS_CACHE_MS, one computation for concurrent callers, AggregateLoads at a time. A crowd on a
 * dashboard or a directory page of twenty projects costs each project one walk per period.
 * Callers check access first: the cache holds counts, not permissions.
 */
@Injectable()
export class LocaleCountsService {
  private readonly cache: ReadCache<readonly LocaleCounts[]>;

  constructor(
    private readonly dataSource: DataSource,
    gate: AggregateLoads,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cache = new ReadCache({ ttlMs: config.statsCacheMs, maxEntries: CACHED_PROJECTS, gate });
  }

  /** Every target locale of each project, by project then locale code. */
  async countsOf(projectIds: readonly string[], now = Date.now()): Promise<LocaleCounts[]> {
    const perProject = await Promise.all(
      projectIds.map((id) => this.cache.get(id, now, () => this.compute(id))),
    );
    return perProject.flat();
  }

  private compute(projectId: string): Promise<LocaleCounts[]> {
    return localeCounts(this.dataSource.manager, [projectId]);
  }
}
