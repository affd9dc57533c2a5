import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Close jobs take due rounds along in batches (ROUND_CLOSE_BATCH): rounds past their deadline come
 * from the (state, deadline) index; undecided rounds waiting for their re-open cooldown need their
 * own small index, or every claim would read every undecided round.
 */
export class RoundDirtyUndecided1795618000000 implements MigrationInterface {
  name = 'RoundDirtyUndecided1795618000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_round_dirty_undecided" ON "round" ("closed_at") WHERE "state" = 'UNDECIDED' AND "dirty"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_round_dirty_undecided"`);
  }
}
