import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { LocaleEntity } from '../catalogue/locale.entity';
import type { SourceStringKind } from '../catalogue/source-string.entity';
import { UserEntity } from '../identity/user.entity';
import { toUserModel } from '../identity/user.mapper';
import { RoundEntity } from '../voting/round.entity';
import type { TranslatableStringModel } from './dto/translatable-string.model';
import { UnitStatus } from './dto/translation-enums';
import { toCandidateModel } from './candidate.mapper';
import { requiredFormsFor, toFormModels } from './forms.mapper';
import { toRoundModel } from './round.mapper';
import { StringScopeService } from './string-scope.service';
import { TranslationEntity } from './translation.entity';

interface StringRow {
  id: string;
  namespace: string;
  key: string;
  kind: SourceStringKind;
  context: { base: string; value: string } | null;
  description: string | null;
  max_length: number | null;
  forms: Record<string, string>;
  source_hash: string;
  locked: boolean | null;
  current_round_id: string | null;
  winner_translation_id: string | null;
  winner_source_hash: string | null;
  candidate_count: number;
}

/** Source strings seen from one target locale: status, winner, current round. */
@Injectable()
export class TranslatableStringService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: StringScopeService,
  ) {}

  /**
   * One string in one locale for a viewer. Throws STRING_NOT_FOUND when it does not exist or the
   * viewer may not read its project, UNKNOWN_LOCALE when the project has no such locale.
   */
  async byId(
    stringId: string,
    localeCode: string,
    viewerId: string | null,
  ): Promise<TranslatableStringModel> {
    const { string, locale } = await this.scope.string(stringId, localeCode, viewerId);
    const [model] = await this.load([string.id], locale, viewerId);
    if (model === undefined) throw new Error(`string ${string.id} vanished while loading`);
    return model;
  }

  /** Batch-loads strings of one project in one locale, in the order of `ids` (missing ones dropped). */
  async load(
    ids: readonly string[],
    locale: LocaleEntity,
    viewerId: string | null,
  ): Promise<TranslatableStringModel[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource.query<StringRow[]>(
      `SELECT s.id, n.name AS namespace, s.key, s.kind, s.context, s.description, s.max_length,
              s.forms, s.source_hash, u.locked, u.current_round_id, u.winner_translation_id,
              u.winner_source_hash,
              (SELECT count(*) FROM translation t
                WHERE t.unit_id = u.id AND t.status = 'active' AND t.source_hash = s.source_hash
              )::int AS candidate_count
         FROM source_string s
         JOIN namespace n ON n.id = s.namespace_id
         LEFT JOIN translation_unit u ON u.string_id = s.id AND u.locale_id = $2
        WHERE s.id = ANY($1::uuid[]) AND s.project_id = $3`,
      [ids, locale.id, locale.projectId],
    );
    const rounds = await this.byIds(
      RoundEntity,
      rows.map((r) => r.current_round_id),
    );
    const winnerIds = rows
      .filter((r) => r.winner_translation_id !== null && r.winner_source_hash === r.source_hash)
      .map((r) => r.winner_translation_id);
    const winners = await this.byIds(TranslationEntity, winnerIds);
    const authors = await this.byIds(
      UserEntity,
      [...winners.values()].map((w) => w.authorId),
    );
    const myVotes = await this.myVotes([...winners.keys()], viewerId);

    const byId = new Map(
      rows.map((r): [string, TranslatableStringModel] => {
        const winner =
          r.winner_translation_id === null ? undefined : winners.get(r.winner_translation_id);
        const author = winner === undefined ? undefined : authors.get(winner.authorId);
        const round = r.current_round_id === null ? undefined : rounds.get(r.current_round_id);
        return [
          r.id,
          {
            id: r.id,
            namespace: r.namespace,
            key: r.key,
            kind: r.kind,
            context: r.context?.value ?? null,
            description: r.description,
            maxLength: r.max_length,
            sourceForms: toFormModels(r.forms),
            sourceHash: r.source_hash,
            requiredForms: requiredFormsFor(r.kind, locale.code),
            locale: locale.code,
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
            candidateCount: r.candidate_count,
            locked: r.locked === true,
          },
        ];
      }),
    );
    return ids.flatMap((id) => byId.get(id) ?? []);
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
    const rows = await this.dataSource.query<{ translation_id: string; value: number }[]>(
      'SELECT translation_id, value FROM vote WHERE voter_id = $1 AND translation_id = ANY($2::uuid[])',
      [viewerId, translationIds],
    );
    return new Map(rows.map((r) => [r.translation_id, r.value]));
  }
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
