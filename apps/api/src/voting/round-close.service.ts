import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AfterCommit } from './after-commit';
import { CommunityService } from './community.service';
import { UnitBusyError } from './unit-busy.error';
import { UnitStateRepository, type UnitChange } from './unit-state.repository';
import { applyEvent } from './unit-transition';
import type { UnitOutcome } from './voting.service';

/** A batch of due rounds closed together (`tickDue`). */
export interface TickOutcome extends UnitOutcome {
  /** Rounds of the batch now DECIDED (final): their own close jobs have nothing left to do. */
  readonly decidedRoundIds: readonly string[];
  /** Units of the batch, including the one asked for. */
  readonly units: number;
}

/**
 * The worker's side of rounds: a due unit's tick, taking other due units along in the same
 * transaction (RoundCloserWorker runs it for each close job). Request-side changes to a unit are
 * VotingService's; both apply libs/voting the same way (unit-transition.ts).
 */
@Injectable()
export class RoundCloseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly units: UnitStateRepository,
    private readonly communities: CommunityService,
    private readonly afterCommit: AfterCommit,
  ) {}

  /**
   * A tick for `unitId` that also takes up to `batch` other units whose rounds are due and that no
   * one else holds, and applies the tick to all of them in one transaction with set-based writes.
   * The other units' own close jobs then find their rounds final and have nothing to do. With
   * `waitForOwn` false it never waits for a unit another transaction holds: when that is its own
   * unit, it still closes the batch, then throws UnitBusyError so the job retries later.
   */
  async tickDue(
    unitId: string,
    now: number,
    batch: number,
    waitForOwn = true,
  ): Promise<TickOutcome> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const changes: UnitChange[] = [];
      for (const unit of await this.units.lockDue(manager, unitId, now, batch, waitForOwn)) {
        try {
          const start = await this.communities.startWithCommunity(manager, unit, now);
          changes.push(applyEvent(unit, start, { type: 'tick' }, now));
        } catch (error) {
          // A neighbour that cannot tick stays for its own job; only our own unit's failure counts.
          if (unit.context.unitId === unitId) throw error;
        }
      }
      await this.units.saveMany(manager, changes);
      return changes;
    });
    const own = outcome.find((c) => c.loaded.context.unitId === unitId);
    const decided = outcome
      .filter((c) => c.after.round.state === 'DECIDED')
      .map((c) => c.after.round.id);
    await this.afterCommit.ofBatch(
      outcome
        // A neighbour the tick left as it was says nothing; our own unit always answers.
        .filter((c) => c.effects.length > 0 || c === own)
        .map((c) => ({ context: c.loaded.context, state: c.after, effects: c.effects })),
      now,
    );
    if (own === undefined) {
      if (!waitForOwn) throw new UnitBusyError(unitId, decided);
      throw new Error(`translation_unit ${unitId} not found`);
    }
    return {
      context: own.loaded.context,
      state: own.after,
      decidedRoundIds: decided,
      units: outcome.length,
    };
  }
}
