import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A vote's evaluation (the DECIDED round that counted it for reputation, C3) moves from a column
 * of `vote` to its own insert-only table. Stamping the vote row was the close's costliest
 * statement: 380 µs per round of three votes at 30k rounds (pg_stat_statements), each stamp a new
 * version of the row with an entry in each of vote's four indexes and a dead tuple left to vacuum.
 * A decision now inserts one narrow row per counted vote; a retracted vote's row goes with it.
 * Existing stamps are copied over.
 */
export class VoteEvaluation1795639000000 implements MigrationInterface {
  name = 'VoteEvaluation1795639000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "vote_evaluation" ("translation_id" uuid NOT NULL, "voter_id" uuid NOT NULL, "round_id" uuid NOT NULL, CONSTRAINT "PK_efa252eb9ae68cbd2d1204d195d" PRIMARY KEY ("translation_id", "voter_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "vote_evaluation" ("translation_id", "voter_id", "round_id")
       SELECT "translation_id", "voter_id", "evaluated_in_round" FROM "vote"
        WHERE "evaluated_in_round" IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "vote" DROP COLUMN "evaluated_in_round"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "vote" ADD "evaluated_in_round" uuid`);
    await queryRunner.query(
      `UPDATE "vote" v SET "evaluated_in_round" = e."round_id" FROM "vote_evaluation" e
        WHERE e."translation_id" = v."translation_id" AND e."voter_id" = v."voter_id"`,
    );
    await queryRunner.query(`DROP TABLE "vote_evaluation"`);
  }
}
