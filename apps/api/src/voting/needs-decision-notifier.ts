import { Injectable } from '@nestjs/common';
import { needsDecisionOf, type Effect } from '@chorus/voting';
import { DataSource } from 'typeorm';
import { BundleRebuildProducer } from '../delivery/bundle-rebuild.producer';
import type { RoundNeedsDecisionEvent } from './live-events';
import type { UnitContext } from './unit-state.repository';

/** The webhook event name of a round landing in the *needs a decision* queue. */
export const NEEDS_DECISION_WEBHOOK_EVENT = 'round.needs_decision';

type PublishDecision = Extract<Effect, { type: 'publishDecision' }>;

/**
 * Tells managers that a round landed in the *needs a decision* queue (issue 17): a live event and
 * one signed webhook delivery per project webhook. "Landed" is the transition itself: the first
 * extension of a round, or an UNDECIDED close of a round that was never extended, so a round that
 * runs on and later closes undecided is announced once. A close job that runs twice finds the round
 * already moved and produces no effect; the webhook job id names the round, so even a repeated
 * after-commit step enqueues one delivery.
 */
@Injectable()
export class NeedsDecisionNotifier {
  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: BundleRebuildProducer,
  ) {}

  /** The live event when this effect puts its round in the queue, else null. */
  landed(context: UnitContext, effect: PublishDecision): RoundNeedsDecisionEvent | null {
    const { round, explanation } = effect;
    if (needsDecisionOf(round, explanation.reasons) === null) return null;
    const first =
      round.state === 'COLLECTING' ? round.extensionsUsed === 1 : round.extensionsUsed === 0;
    if (!first) return null;
    return {
      type: 'roundNeedsDecision',
      projectId: context.projectId,
      locale: context.localeCode,
      stringId: context.stringId,
      roundId: round.id,
    };
  }

  /** Enqueues the `round.needs_decision` delivery for every webhook of the project. */
  async webhook(context: UnitContext, effect: PublishDecision): Promise<void> {
    const needs = needsDecisionOf(effect.round, effect.explanation.reasons);
    if (needs === null) return;
    const rows = await this.dataSource.query<{ id: string; key: string | null }[]>(
      `SELECT w.id, (SELECT s.key FROM source_string s WHERE s.id = $2) AS key
         FROM webhook w WHERE w.project_id = $1`,
      [context.projectId, context.stringId],
    );
    if (rows.length === 0) return;
    const body = JSON.stringify({
      event: NEEDS_DECISION_WEBHOOK_EVENT,
      project: context.projectSlug,
      locale: context.localeCode,
      stringId: context.stringId,
      key: rows[0]?.key ?? null,
      roundId: effect.round.id,
      reasons: needs.reasons,
      extendedUntil:
        needs.extendedUntil === null ? null : new Date(needs.extendedUntil).toISOString(),
    });
    for (const row of rows)
      await this.producer.enqueueWebhook(row.id, `needs-decision-${effect.round.id}`, body);
  }
}
