import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReadCache } from '../common/cache/read-cache';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env.schema';
import type { SuggestionModel } from './dto/suggestion.model';
import { toFormModels } from './forms.mapper';
import { MemoryLookups } from './memory-lookups';
import { StringScopeService } from './string-scope.service';

/** pg_trgm similarity below which another string's translation is not worth showing. */
export const SUGGESTION_THRESHOLD = 0.3;
const SUGGESTION_LIMIT = 5;
/**
 * Decided winners of other strings of the project ($4) in the locale ($3) whose source text is
 * similar to $2 (pg_trgm `similarity` ≥ $5), best first. `%` lets the trigram index of (project,
 * source text) hand over only this project's candidates (migration SourceTextTrigramByProject).
 */
export const SUGGESTIONS_SQL = `SELECT o.source_text, w.forms, similarity(o.source_text, $2) AS similarity
   FROM source_string o
   JOIN translation_unit u ON u.string_id = o.id AND u.locale_id = $3
   JOIN translation w ON w.id = u.winner_translation_id
  WHERE o.project_id = $4 AND o.id <> $1
    AND o.source_text % $2
    AND similarity(o.source_text, $2) >= $5
    AND u.winner_source_hash = o.source_hash
  ORDER BY similarity DESC, o.position, o.id
  LIMIT 50`;

/** Strings (per locale and source text) whose suggestions each API process keeps. */
const CACHED_SUGGESTIONS = 10_000;

/**
 * Translation memory: what the community decided for similar source texts. A string's suggestions
 * are reused for STATS_CACHE_MS per process (they change only when another string is decided;
 * access is checked on every call, before the cache) and at most MEMORY_LOOKUPS are computed at
 * once, so a crowd opening string pages costs Postgres a bounded amount.
 */
@Injectable()
export class TranslationMemoryService {
  private readonly cache: ReadCache<SuggestionModel[]>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: StringScopeService,
    gate: MemoryLookups,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cache = new ReadCache({
      ttlMs: config.statsCacheMs,
      maxEntries: CACHED_SUGGESTIONS,
      gate,
    });
  }

  /**
   * The decided, non-stale winners of OTHER strings of the same project in the same locale whose
   * source text is similar (SUGGESTIONS_SQL), best first; identical translations are listed once.
   */
  async suggestions(
    stringId: string,
    localeCode: string,
    viewerId: string | null,
  ): Promise<SuggestionModel[]> {
    const { string, locale } = await this.scope.string(stringId, localeCode, viewerId);
    return this.cache.get(`${string.id}:${locale.id}:${string.sourceHash}`, Date.now(), () =>
      this.lookup(string, locale.id),
    );
  }

  private async lookup(
    string: { readonly id: string; readonly sourceText: string; readonly projectId: string },
    localeId: string,
  ): Promise<SuggestionModel[]> {
    const rows = await this.dataSource.query<
      { source_text: string; forms: Record<string, string>; similarity: number }[]
    >(SUGGESTIONS_SQL, [
      string.id,
      string.sourceText,
      localeId,
      string.projectId,
      SUGGESTION_THRESHOLD,
    ]);
    const seen = new Set<string>();
    const suggestions: SuggestionModel[] = [];
    for (const row of rows) {
      const key = JSON.stringify(toFormModels(row.forms));
      if (seen.has(key)) continue;
      seen.add(key);
      suggestions.push({
        sourceText: row.source_text,
        forms: toFormModels(row.forms),
        similarity: Number(row.similarity),
      });
      if (suggestions.length === SUGGESTION_LIMIT) break;
    }
    return suggestions;
  }
}
