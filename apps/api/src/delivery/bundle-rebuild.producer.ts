import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import type { DeliveryJobs } from '../queue/jobs';
import { DELIVERY_QUEUE } from '../queue/jobs';

/** Bursts of imports and decisions within this window share one rebuild. */
export const REBUILD_COALESCE_MS = 500;

/**
 * After a build, the project's next one waits this many times that build's duration, counted from
 * its END: while decisions stream in (a close batch, an import), a big project's rebuilds then
 * take at most a fifth of the worker instead of running back to back. A 100k-key locale's bundles
 * then trail a decision storm by ~4 builds, a small project's by REBUILD_COALESCE_MS. A pull that
 * asks for fresh bundles waits for them (503 + Retry-After) past the watermark; it never builds
 * them itself. Counted from the request instead (until issue 15's sixth pass), a request made
 * while a build ran queued a follow-up that started right after it: W3's 100k-key locale rebuilt
 * 14 times in 37 s with builds of ~0.9 s, a third of the worker.
 */
export const REBUILD_SPACING = 4;

/** The project's last build: when it started and how long it took (none: never built). */
export interface LastBuild {
  readonly startedAt: number;
  readonly buildMs: number;
}

/** How long a rebuild asked for at `now` waits: at least the coalescing window, and the spacing. */
export function rebuildDelayMs(last: LastBuild | null, now: number): number {
  return Math.max(REBUILD_COALESCE_MS, spacingWaitMs(last, now));
}

/** What is left at `now` of the spacing after the last build (0 when the next may start). */
export function spacingWaitMs(last: LastBuild | null, now: number): number {
  if (last === null) return 0;
  const end = last.startedAt + last.buildMs;
  return Math.max(0, end + REBUILD_SPACING * last.buildMs - now);
}

/**
 * Records a rebuild request on the project's `bundle_request` row: `requested_seq + 1`, and
 * `all_seq` (no `locales`) or the named locales' `locale_seqs` entries set to the new number.
 * One statement: the row lock orders concurrent requests, so sequence numbers commit in order and a
 * build that read sequence N has seen every request up to N. Answers the project's last build.
 */
export async function recordRebuildRequest(
  db: DataSource | EntityManager,
  projectId: string,
  locales?: readonly string[],
): Promise<LastBuild | null> {
  const rows = await db.query<{ started_at: Date | null; build_ms: number | null }[]>(
    `WITH req AS (
       INSERT INTO bundle_request AS r (project_id, requested_seq, all_seq, locale_seqs)
       VALUES ($1, 1, CASE WHEN $2::text[] IS NULL THEN 1 ELSE 0 END,
               (SELECT coalesce(jsonb_object_agg(l, 1), '{}') FROM unnest($2::text[]) l))
       ON CONFLICT (project_id) DO UPDATE SET
         requested_seq = r.requested_seq + 1,
         all_seq = CASE WHEN $2::text[] IS NULL THEN r.requested_seq + 1 ELSE r.all_seq END,
         locale_seqs = r.locale_seqs ||
           (SELECT coalesce(jsonb_object_agg(l, r.requested_seq + 1), '{}') FROM unnest($2::text[]) l)
       RETURNING project_id)
     SELECT s.built_at AS started_at, s.build_ms FROM req LEFT JOIN bundle_set s USING (project_id)`,
    [projectId, locales === undefined ? null : [...new Set(locales)]],
  );
  return lastBuildOf(rows[0]);
}

/** A bundle_set row's last build (built_at is when the build started). */
export function lastBuildOf(
  row: { started_at: Date | null; build_ms: number | null } | undefined,
): LastBuild | null {
  if (row?.started_at == null) return null;
  return { startedAt: row.started_at.getTime(), buildMs: row.build_ms ?? 0 };
}

const PENDING_STATES = new Set(['waiting', 'delayed', 'prioritized', 'waiting-children']);

/** The only caller of `add` on the delivery queue. */
@Injectable()
export class BundleRebuildProducer {
  constructor(
    @InjectQueue(DELIVERY_QUEUE) private readonly queue: Queue,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Asks the worker to rebuild a project's bundles soon: only `locales` (codes whose winners
   * changed), or every bundle when `locales` is omitted (source strings, namespaces, settings).
   * While a rebuild for the project is still waiting or delayed this is a no-op: the pending job
   * reads the newest requests when it runs. When the rebuild is already running, a follow-up job
   * is queued so a change committed during the build is never lost. (BullMQ forbids ':' in custom
   * ids, hence `rebuild-<projectId>`.)
   * The request is recorded in `bundle_request` first, so a bundle read that asks for fresh
   * bundles (`?fresh=1`, the CLI's pull) is answered 503 + Retry-After until the worker caught up.
   * Call it after the transaction that changed the data has committed.
   */
  async requestRebuild(projectId: string, locales?: readonly string[]): Promise<void> {
    const last = await recordRebuildRequest(this.dataSource, projectId, locales);
    for (const jobId of rebuildJobIds(projectId)) {
      const existing = await this.queue.getJob(jobId);
      const state = existing ? await existing.getState() : 'unknown';
      if (PENDING_STATES.has(state)) return;
      if (state === 'active') continue;
      if (existing) await existing.remove().catch(() => undefined);
      const data: DeliveryJobs['rebuild-bundles'] = { projectId };
      await this.queue.add('rebuild-bundles', data, {
        jobId,
        // Spaced from the last build's end; a follow-up queued while a build runs is spaced again
        // from that build's end when it starts (DeliveryProcessor).
        delay: rebuildDelayMs(last, Date.now()),
        removeOnComplete: true,
        removeOnFail: true,
      });
      return;
    }
  }

  /**
   * Makes sure a rebuild job for the project exists, without recording a request: a bundle read
   * that finds the project unbuilt or behind calls this instead of building in the request path.
   * A no-op while a rebuild is waiting, delayed or running (the running one, or the follow-up its
   * request queued, covers the newest requests); otherwise a job is queued to run now. Idempotent:
   * concurrent callers share the deterministic job id.
   */
  async ensureRebuildQueued(projectId: string): Promise<void> {
    const [primary] = rebuildJobIds(projectId);
    for (const jobId of rebuildJobIds(projectId)) {
      const existing = await this.queue.getJob(jobId);
      const state = existing ? await existing.getState() : 'unknown';
      if (PENDING_STATES.has(state) || state === 'active') return;
    }
    const finished = await this.queue.getJob(primary);
    if (finished) await finished.remove().catch(() => undefined);
    const data: DeliveryJobs['rebuild-bundles'] = { projectId };
    await this.queue.add('rebuild-bundles', data, {
      jobId: primary,
      removeOnComplete: true,
      removeOnFail: true,
    });
  }

  /** One signed POST per (webhook, change set); retried with exponential backoff. */
  async enqueueWebhook(webhookId: string, deliveryKey: string, body: string): Promise<void> {
    const data: DeliveryJobs['webhook'] = { webhookId, body };
    await this.queue.add('webhook', data, {
      jobId: `webhook-${webhookId}-${deliveryKey}`,
      attempts: 6,
      backoff: { type: 'exponential', delay: 1_000 },
      removeOnComplete: { age: 3_600, count: 1_000 },
      removeOnFail: { age: 7 * 24 * 3_600 },
    });
  }
}

/** The primary job id, then the follow-up used while the primary is running. */
export function rebuildJobIds(projectId: string): readonly [string, string] {
  return [`rebuild-${projectId}`, `rebuild-${projectId}-next`];
}
