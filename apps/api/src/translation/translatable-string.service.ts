import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LocaleEntity } from '../catalogue/locale.entity';
import { GenericPlanPool } from '../database/generic-plan-pool';
import { UserEntity } from '../identity/user.entity';
import { toUserModel } from '../identity/user.mapper';
import { toStringScreenshotModel } from '../screenshot/dto/string-screenshot.model';
import { ScreenshotService } from '../screenshot/screenshot.service';
import type { TranslatableStringModel } from './dto/translatable-string.model';
import { UnitStatus } from './dto/translation-enums';
import { toCandidateModel } from './candidate.mapper';
import { requiredFormsFor, toFormModels } from './forms.mapper';
import { toRoundModel } from './round.mapper';
import { roundViewOf, STRING_ROW_COLUMNS, type StringRow } from './string-row.sql';
import type { ModelReads } from './model-reads';
import { localeCodeOf, StringScopeService } from './string-scope.service';
import { TranslationEntity } from './translation.entity';
import { translationError } from './translation.errors';

/**
 * The rows of strings by id in one locale (the model's columns, its unit and round). Its joins cost
 * Postgres ~0.36 ms to plan and ~0.05 ms to run, and every string page, in-context lookup and live
 * update reads it. Prepared on the main pool it was still planned on every call (the plan cache
 * judged the generic plan of `= ANY($1)` dearer than the custom ones), so it runs on the
 * GenericPlanPool, planned once per connection, like this service's two key lookups: all three
 * feed their values to index probes only.
 */
const LOAD_SQL = `SELECT ${STRING_ROW_COLUMNS}
   FROM source_string s
   JOIN namespace n ON n.id = s.namespace_id
   LEFT JOIN translation_unit u ON u.string_id = s.id AND u.locale_id = $2
  WHERE s.id = ANY($1::uuid[]) AND s.project_id = $3`;

/** Source strings seen from one target locale: status, winner, current round. */
@Injectable()
export class TranslatableStringService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: StringScopeService,
    private readonly genericPlans: GenericPlanPool,
    private readonly screenshots: ScreenshotService,
  ) {}

  /**
   * One string in one locale for a viewer. Throws STRING_NOT_FOUND when it does not exist or the
   * viewer may not read its project, UNKNOWN_LOCALE when the project has no such locale.
   */
  async byId(
    stringId: string,
    localeCode: string,
    viewerId: string | null,
    reads: ModelReads,
  ): Promise<TranslatableStringModel> {
    const { string, locale } = await this.scope.string(stringId, localeCode, viewerId);
    const [model] = await this.load([string.id], locale, viewerId, reads);
    if (model === undefined) throw new Error(`string ${string.id} vanished while loading`);
    return model;
  }

  /**
   * The live string an i18next app renders as `namespace:key` (in-context translation). A key may
   * name a simple, plural or ordinal unit; the unit_key index finds it. STRING_NOT_FOUND when the
   * catalogue has no such live key or the viewer may not read the project.
   */
  async byKey(
    query: { project: string; locale: string; namespace: string; key: string },
    viewerId: string | null,
    reads: ModelReads,
  ): Promise<TranslatableStringModel> {
    const { locale } = await this.scope.locale(query.project, query.locale, viewerId);
    const [row] = await this.genericPlans.query<{ id: string }>(
      `SELECT s.id
         FROM source_string s
         JOIN namespace n ON n.id = s.namespace_id
        WHERE n.project_id = $1 AND n.name = $2 AND s.removed_at IS NULL
          AND s.unit_key = ANY($3::text[])
        ORDER BY s.unit_key DESC
        LIMIT 1`,
      [locale.projectId, query.namespace, ['p', 's', 'o'].map((tag) => `${tag}:${query.key}`)],
    );
    const [model] = row === undefined ? [] : await this.load([row.id], locale, viewerId, reads);
    if (model === undefined) {
      throw translationError(
        'STRING_NOT_FOUND',
        `Project "${query.project}" has no live key "${query.key}" in namespace "${query.namespace}".`,
      );
    }
    return model;
  }

  /**
   * One string as every viewer sees it (no own vote, nothing marked as theirs), without an access
   * check: for a live event, loaded once and shared by all its subscribers, each of whom the
   * caller has checked; `forViewer` then adds what is theirs. Null when the string or the locale
   * is gone. Screenshots included: one read per change, whatever each subscriber selects.
   */
  async sharedView(
    projectId: string,
    stringId: string,
    localeCode: string,
  ): Promise<TranslatableStringModel | null> {
    const locale = await this.dataSource
      .getRepository(LocaleEntity)
      .findOne({ where: { projectId, code: localeCodeOf(localeCode) } });
    if (locale === null) return null;
    const [model] = await this.load([stringId], locale, null, { screenshots: true });
    return model ?? null;
  }

  /** A shared view (sharedView) as `viewerId` sees it: their vote on the winner, and whether it is theirs. */
  async forViewer(
    shared: TranslatableStringModel,
    viewerId: string | null,
  ): Promise<TranslatableStringModel> {
    const winner = shared.winner;
    if (viewerId === null || winner === null) return shared;
    const myVote = (await this.myVotes([winner.id], viewerId)).get(winner.id) ?? null;
    const isMine = winner.author?.id === viewerId;
    return myVote === null && !isMine
      ? shared
      : { ...shared, winner: { ...winner, myVote, isMine } };
  }

  /** Batch-loads strings of one project in one locale, in the order of `ids` (missing ones dropped). */
  async load(
    ids: readonly string[],
    locale: Pick<LocaleEntity, 'id' | 'projectId' | 'code'>,
    viewerId: string | null,
    reads: ModelReads,
  ): Promise<TranslatableStringModel[]> {
    if (ids.length === 0) return [];
    const rows = await this.genericPlans.query<StringRow>(LOAD_SQL, [
      ids,
      locale.id,
      locale.projectId,
    ]);
    const models = new Map(
      (await this.toModels(rows, locale.code, viewerId, reads)).map(
        (m): [string, TranslatableStringModel] => [m.id, m],
      ),
    );
    return ids.flatMap((id) => models.get(id) ?? []);
  }

  /** The models of rows already read (in their order, rounds included): loads their winners and votes. */
  async toModels(
    rows: readonly StringRow[],
    localeCode: string,
    viewerId: string | null,
    reads: ModelReads,
  ): Promise<TranslatableStringModel[]> {
    const shots = reads.screenshots
      ? await this.screenshots.forStrings(rows.map((r) => r.id))
      : null;
    const winnerIds = rows
      .filter((r) => r.winner_translation_id !== null && r.winner_source_hash === r.source_hash)
      .map((r) => r.winner_translation_id);
    const winners = await this.byIds(TranslationEntity, winnerIds);
    const authors = await this.byIds(
      UserEntity,
      [...winners.values()].map((w) => w.authorId),
    );
    const myVotes = await this.myVotes([...winners.keys()], viewerId);

    return rows.map((r): TranslatableStringModel => {
      const winner =
        r.winner_translation_id === null ? undefined : winners.get(r.winner_translation_id);
      const author = winner === undefined ? undefined : authors.get(winner.authorId);
      const round = r.round === null ? undefined : roundViewOf(r.round);
      return {
        id: r.id,
        namespace: r.namespace,
        key: r.key,
        kind: r.kind,
        context: r.context?.value ?? null,
        description: r.description,
        maxLength: r.max_length,
        sourceForms: toFormModels(r.forms),
        sourceHash: r.source_hash,
        requiredForms: requiredFormsFor(r.kind, localeCode),
        locale: localeCode,
        status: statusOf(r),
        // The shipped winner is public: its author is credited, its numbers are in the decision.
        winner:
          winner === undefined
            ? null
            : toCandidateModel(winner, {
                sourceHash: r.source_hash,
                viewerId,
                myVote: myVotes.get(winner.id) ?? null,
                author: author === undefined ? null : toUserModel(author),
                tally: null,
              }),
        round: round === undefined ? null : toRoundModel(round),
        missingForms:
          winner === undefined || r.winner_source_hash !== r.source_hash
            ? []
            : missingFormsOf(winner),
        candidateCount: r.candidate_count,
        locked: r.locked === true,
        ...(shots === null
          ? {}
          : { screenshots: (shots.get(r.id) ?? []).map(toStringScreenshotModel) }),
      };
    });
  }

  private async byIds<T extends { id: string }>(
    entity: new () => T,
    ids: readonly (string | null)[],
  ): Promise<Map<string, T>> {
    const unique = [...new Set(ids.filter((id): id is string => id !== null))];
    if (unique.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository<T>(entity)
      .createQueryBuilder('e')
      .where('e.id IN (:...ids)', { ids: unique })
      .getMany();
    return new Map(rows.map((row) => [row.id, row]));
  }

  private async myVotes(
    translationIds: readonly string[],
    viewerId: string | null,
  ): Promise<Map<string, number>> {
    if (viewerId === null || translationIds.length === 0) return new Map();
    const rows = await this.genericPlans.query<{ translation_id: string; value: number }>(
      'SELECT translation_id, value FROM vote WHERE voter_id = $1 AND translation_id = ANY($2::uuid[])',
      [viewerId, translationIds],
    );
    return new Map(rows.map((r) => [r.translation_id, r.value]));
  }
}

/** The forms an imported winner lacks, as its import check recorded them (see StringFilter.INCOMPLETE). */
function missingFormsOf(winner: TranslationEntity): string[] {
  return winner.findings.filter((f) => f.code === 'PLURAL_INCOMPLETE').map((f) => f.form);
}

/** The UnitStatus partition (see the enum): must agree with the SQL in string-filter.sql.ts. */
function statusOf(r: StringRow): UnitStatus {
  if (r.winner_translation_id !== null && r.winner_source_hash === r.source_hash) {
    return UnitStatus.DECIDED;
  }
  if (r.candidate_count > 0) return UnitStatus.VOTING;
  if (r.winner_translation_id !== null) return UnitStatus.STALE;
  return UnitStatus.UNTRANSLATED;
}
