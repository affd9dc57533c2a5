import { Injectable } from '@nestjs/common';
import type { Effect, UnitVotingState } from '@chorus/voting';
import { DataSource } from 'typeorm';
import { NotificationService, type NotifyInput } from '../notification/notification.service';
import type { UnitContext } from './unit-state.repository';

type PublishDecision = Extract<Effect, { type: 'publishDecision' }>;

/** One decided round, as the after-commit step saw it. */
export interface DecidedRound {
  readonly context: UnitContext;
  readonly state: UnitVotingState;
  readonly effect: PublishDecision;
  /** This effect put the round in the *needs a decision* queue (NeedsDecisionNotifier.landed). */
  readonly needsDecision: boolean;
}

/** The excerpt shown in a notification: the candidate's first form, cut short. */
function excerptOf(forms: Readonly<Record<string, string>>): string {
  const first = Object.values(forms)[0] ?? '';
  return first.length <= 120 ? first : `${first.slice(0, 119)}…`;
}

/**
 * Tells authors that a round with their candidate decided (issue 18): the winner's author gets
 * CANDIDATE_WON, every other author of a candidate in that round CANDIDATE_LOST (once per author
 * and round). It runs after the round's transaction has committed and once per close batch, so
 * the closer's hot transaction never writes notifications; dedupe keys name the round, so a close
 * job that runs again notifies nobody twice.
 */
@Injectable()
export class DecisionNotifier {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationService,
  ) {}

  /** The notifications one decided round produces (none for an undecided close). */
  static noticesOf(decided: DecidedRound, stringKey: string | null): NotifyInput[] {
    const { context, state, effect } = decided;
    const round = effect.round;
    const winnerId = round.outcome?.decided === true ? round.outcome.winnerId : null;
    if (round.state !== 'DECIDED' || winnerId === null) return [];
    const inRound = state.candidates.filter(
      (c) => c.sourceHash === round.sourceHash && c.status !== 'withdrawn',
    );
    const winner = inRound.find((c) => c.id === winnerId);
    if (winner === undefined) return [];
    const base = {
      locale: context.localeCode,
      stringId: context.stringId,
      stringKey,
      roundId: round.id,
    };
    const notices: NotifyInput[] = [
      {
        userId: winner.authorId,
        kind: 'CANDIDATE_WON',
        projectId: context.projectId,
        payload: { ...base, excerpt: excerptOf(winner.forms) },
        dedupeKey: `won:${round.id}`,
      },
    ];
    const told = new Set([winner.authorId]);
    for (const candidate of inRound) {
      if (told.has(candidate.authorId)) continue;
      told.add(candidate.authorId);
      notices.push({
        userId: candidate.authorId,
        kind: 'CANDIDATE_LOST',
        projectId: context.projectId,
        payload: { ...base, excerpt: excerptOf(candidate.forms) },
        dedupeKey: `lost:${round.id}`,
      });
    }
    return notices;
  }

  /**
   * Notifies the authors of every decided round in `rounds`, and the managers who may decide the
   * rounds that landed in the *needs a decision* queue, in one batch; never throws.
   */
  async notify(rounds: readonly DecidedRound[]): Promise<void> {
    const decided = rounds.filter((r) => r.effect.round.state === 'DECIDED');
    const waiting = rounds.filter((r) => r.needsDecision);
    if (decided.length === 0 && waiting.length === 0) return;
    const keys = new Map<string, string>();
    const deciders = new Map<string, string[]>();
    try {
      const rows = await this.dataSource.query<{ id: string; key: string }[]>(
        'SELECT id, key FROM source_string WHERE id = ANY($1::uuid[])',
        [[...new Set(rounds.map((r) => r.context.stringId))]],
      );
      for (const row of rows) keys.set(row.id, row.key);
      for (const r of waiting) {
        const where = `${r.context.projectId}/${r.context.localeCode}`;
        if (deciders.has(where)) continue;
        // Who may approve there (candidate.approve): the project's owners and the locale's managers.
        const users = await this.dataSource.query<{ user_id: string }[]>(
          `SELECT DISTINCT user_id FROM membership
            WHERE project_id = $1 AND (role = 'owner' OR (role = 'language_manager' AND locale = $2))`,
          [r.context.projectId, r.context.localeCode],
        );
        deciders.set(
          where,
          users.map((u) => u.user_id),
        );
      }
    } catch {
      // The keys only label the notification; a failed lookup of deciders skips their notice.
    }
    const notices = decided.flatMap((r) =>
      DecisionNotifier.noticesOf(r, keys.get(r.context.stringId) ?? null),
    );
    for (const r of waiting) {
      const { context, effect } = r;
      for (const userId of deciders.get(`${context.projectId}/${context.localeCode}`) ?? [])
        notices.push({
          userId,
          kind: 'ROUND_NEEDS_DECISION',
          projectId: context.projectId,
          payload: {
            locale: context.localeCode,
            stringId: context.stringId,
            stringKey: keys.get(context.stringId) ?? null,
            roundId: effect.round.id,
          },
          dedupeKey: `needs:${effect.round.id}`,
        });
    }
    await this.notifications.notifyMany(notices);
  }
}
