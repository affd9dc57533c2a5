import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProjectEntity } from '../catalogue/project.entity';
import { commonError } from '../common/errors/common.errors';
import { AccessService } from '../identity/access.service';
import { toNeedsDecision } from '../translation/round.mapper';
import type { NeedsDecisionEntryModel, NeedsDecisionPageModel } from './dto/needs-decision.model';
import type { RoundEventModel } from './dto/round-event.model';
import { EventMemo } from './event-memo';
import { LIVE_EVENTS, type LiveEvents } from './live-events';
import { RoundEntity, type RoundStateColumn } from './round.entity';
import { VotingQueryService } from './voting-query.service';
import { UUID } from '../common/uuid';

/** A page holds at most this many strings, whatever the client asks. */
export const NEEDS_DECISION_PAGE_MAX = 100;

interface QueueRow {
  string_id: string;
  key: string;
  locale: string;
  round_id: string;
  state: RoundStateColumn;
  deadline: Date | null;
  extensions_used: number;
  reasons: string[];
  decided_early: boolean;
  decision: Record<string, unknown> | null;
}

/**
 * The *needs a decision* queue (issue 17): strings whose current round reached its deadline
 * undecided, for whoever may approve there (`candidate.approve`: the locale's language managers,
 * the project owners). The same predicate as `toNeedsDecision`, written in SQL so a page is one
 * statement: the project's locales by (project, code), their units by (locale, project), each
 * unit's current round by primary key, keyset on round id. A page therefore reads every unit of the
 * locale once (a few thousand index entries); the round table itself is only read by key.
 */
@Injectable()
export class NeedsDecisionQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly queries: VotingQueryService,
    @Inject(LIVE_EVENTS) private readonly live: LiveEvents,
  ) {}

  private readonly rounds = new EventMemo<RoundEventModel>();
  private readonly allowed = new EventMemo<boolean>();

  /**
   * Live `roundNeedsDecision` events of one project and locale, for those who may approve there.
   * The permission is checked at subscribe time (the approval's refusal) and again per event, like
   * roundDecided's visibility: a manager whose role was removed stops receiving at once (FORBIDDEN).
   */
  async events(
    userId: string,
    slug: string,
    locale: string,
  ): Promise<AsyncIterableIterator<{ roundNeedsDecision: RoundEventModel }>> {
    const project = await this.access.requireProject(userId, slug, 'candidate.approve', locale);
    const source = this.live.subscribe({
      type: 'roundNeedsDecision',
      projectId: project.id,
      locale,
    });
    const next = async (): Promise<IteratorResult<{ roundNeedsDecision: RoundEventModel }>> => {
      const item = await source.next();
      if (item.done === true) return { value: undefined, done: true };
      const e = item.value;
      const may = await this.allowed.once(e, userId, () =>
        this.mayApprove(userId, project.id, locale),
      );
      if (!may) {
        await source.return?.();
        throw commonError(
          'FORBIDDEN',
          `You may no longer approve translations in "${locale}" of "${slug}"; this subscription has ended.`,
        );
      }
      const roundNeedsDecision = await this.rounds.once(e, e.roundId, async () => ({
        stringId: e.stringId,
        locale: e.locale,
        round: await this.queries.roundModel(e.roundId),
      }));
      return { value: { roundNeedsDecision }, done: false };
    };
    const iterator: AsyncIterableIterator<{ roundNeedsDecision: RoundEventModel }> = {
      next,
      return: async () => {
        await source.return?.();
        return { value: undefined, done: true };
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
    return iterator;
  }

  private async mayApprove(userId: string, projectId: string, locale: string): Promise<boolean> {
    const project = await this.dataSource
      .getRepository(ProjectEntity)
      .findOne({ where: { id: projectId }, select: { id: true, visibility: true } });
    return project !== null && this.access.can(userId, project, 'candidate.approve', locale);
  }

  /**
   * Without a locale only project owners may ask (the permission is locale-scoped for managers);
   * anyone else gets the approval's own refusal (FORBIDDEN, or PROJECT_NOT_FOUND for a private
   * project they are not in).
   */
  async page(
    userId: string,
    slug: string,
    locale: string | undefined,
    first: number,
    after: string | undefined,
  ): Promise<NeedsDecisionPageModel> {
    const project = await this.access.requireProject(userId, slug, 'candidate.approve', locale);
    if (!Number.isInteger(first) || first < 1 || first > NEEDS_DECISION_PAGE_MAX) {
      throw commonError(
        'BAD_USER_INPUT',
        `"first" must be between 1 and ${NEEDS_DECISION_PAGE_MAX}; ask for the next page with "after".`,
      );
    }
    if (after !== undefined && !UUID.test(after)) {
      throw commonError('BAD_USER_INPUT', '"after" must be a nextCursor this query returned.');
    }
    const rows = await this.dataSource.query<QueueRow[]>(
      `SELECT s.id AS string_id, s.key, l.code AS locale, r.id AS round_id, r.state, r.deadline,
              r.extensions_used, r.reasons, r.decided_early, r.decision
         FROM translation_unit u
         JOIN locale l ON l.id = u.locale_id AND l.project_id = $1
         JOIN round r ON r.id = u.current_round_id AND r.unit_id = u.id
         JOIN source_string s ON s.id = u.string_id
        WHERE u.project_id = $1
          AND ($2::text IS NULL OR l.code = $2)
          AND s.removed_at IS NULL
          AND ((r.state = 'COLLECTING' AND r.extensions_used > 0)
            OR (r.state = 'UNDECIDED' AND NOT r.decided_early))
          AND NOT (r.state = 'UNDECIDED' AND 'SOURCE_CHANGED' = ANY (r.reasons))
          AND ($3::uuid IS NULL OR r.id > $3::uuid)
        ORDER BY r.id
        LIMIT $4`,
      [project.id, locale ?? null, after ?? null, first + 1],
    );
    const items = rows.slice(0, first).flatMap((row) => entryOf(row));
    const last = rows.length > first ? rows[first - 1] : undefined;
    return { items, nextCursor: last?.round_id ?? null };
  }
}

function entryOf(row: QueueRow): NeedsDecisionEntryModel[] {
  const round = Object.assign(new RoundEntity(), {
    id: row.round_id,
    state: row.state,
    deadline: row.deadline,
    extensionsUsed: row.extensions_used,
    reasons: row.reasons,
    decidedEarly: row.decided_early,
    decision: row.decision,
  });
  const needsDecision = toNeedsDecision(round);
  if (needsDecision === null) return [];
  return [
    {
      stringId: row.string_id,
      key: row.key,
      locale: row.locale,
      roundId: row.round_id,
      needsDecision,
    },
  ];
}
