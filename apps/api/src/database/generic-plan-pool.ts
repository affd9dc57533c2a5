import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env.schema';
import { PlannedPool } from './planned-pool';

/** Connections of this pool: a claim is one short statement, so a few serve hundreds of callers. */
export const GENERIC_PLAN_POOL_SIZE = 3;

/**
 * A small pool of connections whose sessions force generic plans (`plan_cache_mode`), for hot
 * statements that Postgres would otherwise re-plan on every call. With parameters, the plan cache
 * compares a generic plan's estimated cost with the custom plans' and keeps building custom ones
 * when the generic estimate looks dearer; for a statement of many CTEs and subplans (nextString's
 * claim: 2.5 ms of planning for 0.5 ms of execution at 50k keys × 20 locales) that costs more than
 * it could save. Here a statement is planned once per connection and then executed: one round
 * trip, where a transaction with `SET LOCAL` took three. Only for statements whose plan does not
 * hinge on the values (they feed index probes and InitPlans); everything else keeps the main pool,
 * where Postgres chooses per call.
 */
@Injectable()
export class GenericPlanPool extends PlannedPool implements OnApplicationShutdown {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super(config.databaseUrl, {
      applicationName: 'chorus-generic-plans',
      size: GENERIC_PLAN_POOL_SIZE,
      settings: { plan_cache_mode: 'force_generic_plan' },
    });
  }

  onApplicationShutdown(): Promise<void> {
    return this.end();
  }
}
