import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Terms keyed per statement of the backfill. */
const BATCH = 5_000;

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;
const NO_SPACES =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/**
 * translation-core's `glossaryTermKey` as of this migration, frozen here: a migration must do
 * the same thing whenever it runs, whatever the library becomes (and it runs where the library's
 * alias does not resolve). The migration's spec checks the two agree; a change to the key needs
 * a new migration that recomputes it.
 */
export function termKeyAtMigration(term: string): string | null {
  const trimmed = term.trim();
  const first = trimmed.charAt(0);
  if (!WORD_CHAR.test(first) || NO_SPACES.test(first)) return null;
  return trimmed.slice(0, 3).toLowerCase();
}

/**
 * A submit checked its translation against the whole glossary of the project: every term read,
 * with its approved translation, for each submit (20 ms of the server per submit at 2,000 terms,
 * W8). `match_key` is the key translation-core files a term under (`glossaryTermKey`: its first
 * word's first three characters, lower-cased), so the check and `glossaryHits` read only the terms
 * whose key starts a word of the text, plus those with none (NULL: a term that starts with no word,
 * looked for everywhere). The backfill computes it in JavaScript (termKeyAtMigration), never with
 * SQL's lower(), whose case folding is not JavaScript's. A row left NULL is only read more often.
 */
export class GlossaryTermMatchKey1795643000000 implements MigrationInterface {
  name = 'GlossaryTermMatchKey1795643000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "glossary_term" ADD "match_key" text`);
    for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
      const rows = (await queryRunner.query(
        `SELECT id, term FROM "glossary_term" WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
        [after],
      )) as { id: string; term: string }[];
      if (rows.length === 0) break;
      await queryRunner.query(
        `UPDATE "glossary_term" g SET "match_key" = k.key
           FROM unnest($1::uuid[], $2::text[]) AS k(id, key) WHERE g.id = k.id`,
        [rows.map((r) => r.id), rows.map((r) => termKeyAtMigration(r.term))],
      );
      after = rows[rows.length - 1]?.id ?? after;
    }
    await queryRunner.query(
      `CREATE INDEX "IDX_glossary_term_match_key" ON "glossary_term" ("project_id", "match_key")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_glossary_term_match_key"`);
    await queryRunner.query(`ALTER TABLE "glossary_term" DROP COLUMN "match_key"`);
  }
}
