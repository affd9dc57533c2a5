import type { Effect, UnitVotingState } from '@chorus/voting';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DecisionNotifier, type DecidedRound } from './decision-notifier';
import { LIVE_EVENTS, type LiveEvent, type LiveEvents } from './live-events';
import { NeedsDecisionNotifier } from './needs-decision-notifier';
import { RoundSchedulerProducer } from './round-scheduler.producer';
import type { UnitContext } from './unit-state.repository';

/** Rebuilds bundles after a decision; provided by the delivery context when it is loaded. */
export const BUNDLE_REBUILD = Symbol('BUNDLE_REBUILD');
export interface BundleRebuild {
  /** `locales`: the codes whose winners changed; a decision never touches other locales' bundles. */
  requestRebuild(projectId: string, locales?: readonly string[]): Promise<void>;
}

/** A unit change as committed: what after-commit steps need of it. */
export interface CommittedChange {
  readonly context: UnitContext;
  readonly state: UnitVotingState;
  readonly effects: readonly Effect[];
}

/** What after-commit steps collect before sending: live events, decision notices, started tasks. */
interface AfterCommitSink {
  readonly events: LiveEvent[];
  readonly notices: DecidedRound[];
  readonly tasks: Promise<unknown>[];
}

/**
 * What a unit change does once committed: close and cooldown timers, live events, decision
 * notices and webhooks, bundle rebuilds. Failures are logged; the periodic sweep and the next
 * event repair them, so nothing here can undo a committed change.
 */
@Injectable()
export class AfterCommit {
  private readonly logger = new Logger('Voting');

  constructor(
    private readonly scheduler: RoundSchedulerProducer,
    @Inject(LIVE_EVENTS) private readonly live: LiveEvents,
    @Inject(BUNDLE_REBUILD) private readonly bundles: BundleRebuild,
    private readonly needsDecision: NeedsDecisionNotifier,
    private readonly decisionNotices: DecisionNotifier,
  ) {}

  /**
   * A close batch's changes (tickDue): one live-events message, one notification batch, one wait
   * for the batch's timers and webhooks, and one rebuild request per project, not one per decision.
   */
  async ofBatch(changes: readonly CommittedChange[], now: number): Promise<void> {
    const rebuild = new Map<string, Set<string>>();
    const sink: AfterCommitSink = { events: [], notices: [], tasks: [] };
    for (const change of changes) {
      if (decides(change.effects)) {
        const { projectId, localeCode } = change.context;
        rebuild.set(projectId, (rebuild.get(projectId) ?? new Set()).add(localeCode));
      }
      this.collect(change, now, sink);
    }
    await this.settle(sink.tasks);
    await this.live.publishMany(sink.events).catch((error: unknown) => {
      this.logger.error(`after-commit step failed: ${String(error)}`);
    });
    await this.decisionNotices.notify(sink.notices);
    for (const [projectId, locales] of rebuild) await this.requestRebuild(projectId, [...locales]);
  }

  /** One change's effects that leave the database: its timers, live events, notices, rebuild. */
  async ofChange(change: CommittedChange, now: number): Promise<void> {
    const { context, effects } = change;
    const sink: AfterCommitSink = { events: [], notices: [], tasks: [] };
    this.collect(change, now, sink);
    const tasks = sink.tasks;
    for (const event of sink.events) tasks.push(this.live.publish(event));
    if (sink.notices.length > 0) tasks.push(this.decisionNotices.notify(sink.notices));
    if (decides(effects)) {
      tasks.push(this.bundles.requestRebuild(context.projectId, [context.localeCode]));
    }
    await this.settle(tasks);
  }

  /**
   * One change's after-commit steps, without waiting: the live events and decision notices it
   * produces, and the timers and webhooks it starts (in `sink.tasks`). The caller sends and waits.
   */
  private collect(change: CommittedChange, now: number, sink: AfterCommitSink): void {
    const { context, state, effects } = change;
    const { events, tasks } = sink;
    for (const effect of effects) {
      switch (effect.type) {
        case 'scheduleClose':
        case 'roundExtended':
          // A round's close, first scheduled or moved by an extension: one tick at its deadline.
          tasks.push(
            this.scheduler.scheduleTick(
              { unitId: context.unitId, roundId: effect.roundId, reason: 'deadline' },
              effect.type === 'scheduleClose' ? effect.at : effect.deadline,
              now,
            ),
          );
          break;
        case 'publishDecision': {
          events.push({
            type: 'roundDecided',
            projectId: context.projectId,
            locale: context.localeCode,
            stringId: context.stringId,
            roundId: effect.round.id,
          });
          const landed = this.needsDecision.landed(context, effect);
          if (landed !== null) {
            events.push(landed);
            tasks.push(this.needsDecision.webhook(context, effect));
          }
          sink.notices.push({ context, state, effect, needsDecision: landed !== null });
          break;
        }
        case 'revokeWinner':
        case 'cancelClose':
        case 'openRound':
        case 'applyReputation':
        case 'markOutdated':
        case 'markStale':
        case 'candidateMerged':
          break;
        default:
          effect satisfies never;
      }
    }
    const round = state.round;
    if (round.state === 'UNDECIDED' && round.dirty && round.closedAt !== null) {
      const at = round.closedAt + state.params.reopenCooldown;
      tasks.push(
        this.scheduler.scheduleTick(
          { unitId: context.unitId, roundId: round.id, reason: 'cooldown' },
          at,
          now,
        ),
      );
    }
    events.push({
      type: 'stringUpdated',
      projectId: context.projectId,
      locale: context.localeCode,
      stringId: context.stringId,
    });
  }

  /** Waits for after-commit tasks; a failure is logged (the sweep and the next event repair it). */
  private async settle(tasks: readonly Promise<unknown>[]): Promise<void> {
    if (tasks.length === 0) return;
    for (const result of await Promise.allSettled(tasks)) {
      if (result.status === 'rejected')
        this.logger.error(`after-commit step failed: ${String(result.reason)}`);
    }
  }

  private async requestRebuild(projectId: string, locales: readonly string[]): Promise<void> {
    try {
      await this.bundles.requestRebuild(projectId, locales);
    } catch (error) {
      this.logger.error(`after-commit step failed: ${String(error)}`);
    }
  }
}

/** Whether a transition changed what ships (a winner published or revoked). */
function decides(effects: readonly Effect[]): boolean {
  return effects.some((e) => e.type === 'publishDecision' || e.type === 'revokeWinner');
}
