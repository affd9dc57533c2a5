import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env.schema';
import { PlannedPool } from '../database/planned-pool';

/**
 * Vote statements running at once: enough to keep Postgres busy on a few cores while the next batch
 * gathers, few enough to leave the main pool's connections to the rest of the API.
 */
export const VOTE_BATCHES_IN_FLIGHT = 3;

/**
 * While a vote statement runs, how long the next votes wait to join the following batch before
 * another slot opens for them (GroupCommit's extraSlotAfterMs).
 */
export const VOTE_EXTRA_SLOT_AFTER_MS = 2;

/**
 * Planner settings of the vote statement's sessions: joins planned in the order the statement
 * writes them (its primary-key chain from the candidate to the project, the order the planner chose
 * on its own), and a generic plan from the first call.
 */
export const VOTE_PLANNER_SETTINGS = {
  join_collapse_limit: '1',
  from_collapse_limit: '1',
  plan_cache_mode: 'force_generic_plan',
} as const;

/**
 * The connections the one-statement vote runs on (VoteStatement), one per batch in flight. The
 * statement joins a dozen relations; searching their orders took the planner 10–13 ms (2 ms in the
 * written order), and every ANALYZE of a table the statement reads (autovacuum does it often for
 * `vote` and `event`, which votes grow) drops the prepared plan on each connection holding it. On
 * the main pool that meant, in W2, 144 plannings of ~18 ms among 5,461 statements, each delaying
 * its batch and the votes queued behind it. Here a replan costs ~2 ms (59 of them in the same run)
 * and happens on at most VOTE_BATCHES_IN_FLIGHT connections. Being apart, the votes waiting on a
 * unit a close holds (FOR KEY SHARE) never hold connections the rest of the API needs.
 */
@Injectable()
export class VotePool extends PlannedPool implements OnApplicationShutdown {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super(config.databaseUrl, {
      applicationName: 'chorus-votes',
      size: VOTE_BATCHES_IN_FLIGHT,
      settings: VOTE_PLANNER_SETTINGS,
    });
  }

  onApplicationShutdown(): Promise<void> {
    return this.end();
  }
}
