import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A voter's reputation in a locale was the sum of all their ledger rows, read by every vote: 24 ms
 * for a voter with 100,000 evaluated votes, inside the statement their vote shares with others.
 * Now it is a folded total plus the rows not folded yet. The worker's ReputationFolder moves the
 * rows of voters with many unfolded ones into `voter_reputation_total` (one statement: flag the
 * rows, add their sums), so a read is one total row plus fewer than a few hundred index entries.
 * Closes only insert ledger rows, as before: the totals are written by the folder alone, so
 * concurrent closes never queue on a frequent voter's row (why the old `reputation` table went,
 * migration ReputationFromLedger). The sum index now covers only unfolded voter rows.
 */
export class VoterReputationTotal1795642000000 implements MigrationInterface {
  name = 'VoterReputationTotal1795642000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "reputation_ledger" ADD "folded" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(
      `CREATE TABLE "voter_reputation_total" ("user_id" uuid NOT NULL, "locale" text NOT NULL, "agree" double precision NOT NULL DEFAULT 0, "disagree" double precision NOT NULL DEFAULT 0, "folded_rows" integer NOT NULL DEFAULT 0, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_voter_reputation_total" PRIMARY KEY ("user_id", "locale"))`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_reputation_ledger_voter_sum"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_reputation_ledger_voter_sum" ON "reputation_ledger" ("user_id", "locale") INCLUDE ("agree", "disagree") WHERE "kind" = 'voter' AND NOT "folded"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_reputation_ledger_voter_sum"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_reputation_ledger_voter_sum" ON "reputation_ledger" ("user_id", "locale", "kind") INCLUDE ("agree", "disagree")`,
    );
    await queryRunner.query(`DROP TABLE "voter_reputation_total"`);
    await queryRunner.query(`ALTER TABLE "reputation_ledger" DROP COLUMN "folded"`);
  }
}
