import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The language managers' queue (`needsDecision`) lists rounds extended for lack of a decision and
 * rounds closed undecided, in id order. A small partial index lets a page start from those rounds
 * instead of reading every unit of the locale.
 */
export class RoundNeedsDecisionIndex1795629000000 implements MigrationInterface {
  name = 'RoundNeedsDecisionIndex1795629000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_round_needs_decision" ON "round" ("id") WHERE ("state" = 'COLLECTING' AND "extensions_used" > 0) OR ("state" = 'UNDECIDED' AND NOT "decided_early")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_round_needs_decision"`);
  }
}
