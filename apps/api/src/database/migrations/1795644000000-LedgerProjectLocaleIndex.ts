import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A project's leaderboard sums its ledger rows in one locale. With no index on (project, locale)
 * that sum scanned the whole ledger, every project's history: on a 1.2M-row ledger 174 ms for a
 * project with 4k rows of its own, as much as for the biggest one, so a tiny project's board cost
 * what the instance's history costs. Covering the sum (user, accepted, agree, disagree included)
 * makes it an index-only scan of the project's own rows: 4.8 ms there (the 400k-row project:
 * 170 → 122 ms). The price, measured on the same table: ~6 µs more per inserted ledger row (a
 * close writes ~4 per round).
 */
export class LedgerProjectLocaleIndex1795644000000 implements MigrationInterface {
  name = 'LedgerProjectLocaleIndex1795644000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_reputation_ledger_project_locale" ON "reputation_ledger" ("project_id", "locale") INCLUDE ("user_id", "accepted", "agree", "disagree")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_reputation_ledger_project_locale"`);
  }
}
