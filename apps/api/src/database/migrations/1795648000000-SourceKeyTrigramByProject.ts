import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The string list's search matches the key or the source text (ILIKE), or a word of the text
 * (pg_trgm `<%`). With no trigram index on the key no index could serve the OR, so every search
 * read all of the project's strings and computed word similarity for each: 137–180 ms of
 * Postgres per search on a 50,000-string project, whether anything matched or not, for a query
 * anyone may send 600 times a minute. Indexed by (project, key) beside (project, source text),
 * the OR is a BitmapOr of three index scans: 0.1 ms when nothing matches, 45 ms for a fuzzy word
 * that 6,500 strings match. Imports maintain one more trigram index.
 */
export class SourceKeyTrigramByProject1795648000000 implements MigrationInterface {
  name = 'SourceKeyTrigramByProject1795648000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_source_string_project_key_trgm" ON "source_string" USING gin ("project_id", "key" gin_trgm_ops)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_source_string_project_key_trgm"`);
  }
}
