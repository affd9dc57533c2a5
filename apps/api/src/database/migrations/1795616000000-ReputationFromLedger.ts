import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reputation is the sum of the ledger (reputation_ledger, indexed by user and locale): the
 * per-user totals table made every round close update the same rows for frequent voters, and
 * concurrent closes queued on them (W3 benchmark). Written by hand: TypeORM never drops a table
 * an entity no longer names. down() recreates the table and refills it from the ledger.
 */
export class ReputationFromLedger1795616000000 implements MigrationInterface {
  name = 'ReputationFromLedger1795616000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "reputation"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "reputation" ("user_id" uuid NOT NULL, "locale" text NOT NULL, "agree" double precision NOT NULL DEFAULT '0', "disagree" double precision NOT NULL DEFAULT '0', "accepted" double precision NOT NULL DEFAULT '0', "rejected" double precision NOT NULL DEFAULT '0', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_158dd2fe68405a4e1118c3b93cd" PRIMARY KEY ("user_id", "locale"))`,
    );
    await queryRunner.query(
      `INSERT INTO "reputation" ("user_id", "locale", "agree", "disagree", "accepted", "rejected")
       SELECT "user_id", "locale", sum("agree"), sum("disagree"), sum("accepted"), sum("rejected")
         FROM "reputation_ledger" GROUP BY "user_id", "locale"`,
    );
  }
}
