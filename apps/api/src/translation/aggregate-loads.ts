import { Injectable } from '@nestjs/common';
import { LoadGate } from '../common/concurrency/load-gate';

/**
 * Aggregate reads (a project's locale counts, a locale's leaderboard, its active members for the
 * candidate list's "votes needed") computed at once per API
 * process. Each walks a whole project or locale (1.3 s and 0.5 s of Postgres at 100k units and
 * 500k votes); more at once would only queue inside Postgres, holding connections that votes and
 * claims need. The rest wait here, in the process, before asking for a connection.
 */
export const AGGREGATE_LOADS = 2;

@Injectable()
export class AggregateLoads extends LoadGate {
  constructor() {
    super(AGGREGATE_LOADS);
  }
}
