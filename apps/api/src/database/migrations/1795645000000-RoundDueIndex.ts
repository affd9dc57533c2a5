import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The index that close batches claim due rounds from (and the sweep reads) held every round ever
 * opened, keyed by (state, deadline): each close moved its round from one end of it to the other,
 * one more index entry per decided round, and the index grew with the project's history although
 * only live rounds are ever looked up in it. It now holds only the rounds that can fall due
 * (COLLECTING, CLOSING): a decided or undecided round leaves it, and closing a round writes two
 * index entries instead of three.
 */
export class RoundDueIndex1795645000000 implements MigrationInterface {
  name = 'RoundDueIndex1795645000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_b17ff23b084e005f1ebe69d42d"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_round_due" ON "round" ("deadline") WHERE "state" IN ('COLLECTING', 'CLOSING')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_round_due"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_b17ff23b084e005f1ebe69d42d" ON "round" ("state", "deadline") `,
    );
  }
}
