import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Translation memory looks for similar source texts within one project, but the trigram index
 * covered every project's texts: the planner either rechecked every similar text of the instance
 * or, as it mostly did, scanned all of `source_string` computing similarity for each row — on
 * three projects of 50,000 app-like strings, 195–319 ms of Postgres (and two parallel workers)
 * per string page. Keyed by project first (btree_gin), the index hands over only the project's
 * candidates: 22–64 ms on the same data. It replaces the old index, whose only user this lookup
 * was (the string list's search ORs the key, which no trigram index serves), so imports keep one
 * trigram index to maintain. Built in the migration's transaction: writes to source_string wait
 * for the build (about a second per 150,000 strings here).
 */
export class SourceTextTrigramByProject1795647000000 implements MigrationInterface {
  name = 'SourceTextTrigramByProject1795647000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);
    await queryRunner.query(
      `CREATE INDEX "IDX_source_string_project_text_trgm" ON "source_string" USING gin ("project_id", "source_text" gin_trgm_ops)`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_source_string_text_trgm"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_source_string_text_trgm" ON "source_string" USING gin ("source_text" gin_trgm_ops)`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_source_string_project_text_trgm"`);
    await queryRunner.query(`DROP EXTENSION IF EXISTS btree_gin`);
  }
}
