import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A close batch's row updates, made heap-only where they can be.
 *
 * A decision stamps each counted vote with the round that evaluated it (`evaluated_in_round`):
 * one update per vote, the biggest write of a close batch. Two changes make that stamp cheap:
 * - the vote table keeps half of each page free, so the stamp is a heap-only (HOT) update that
 *   adds no entry to the table's four indexes (no index covers the column);
 * - the trigger that refuses votes while their round is CLOSING fires only when a vote itself is
 *   cast or changed (its keys, value, weight or time), not for the stamp, which is no vote.
 * A unit row changes at every round transition (its current round, winner, lock), never in an
 * indexed column: with 30 % of each page free those updates stay heap-only as well.
 * Existing pages keep their fill until rewritten; new rows get the free space.
 */
export class CloseUpdatesHot1795638000000 implements MigrationInterface {
  name = 'CloseUpdatesHot1795638000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "vote" SET (fillfactor = 50)`);
    await queryRunner.query(`ALTER TABLE "translation_unit" SET (fillfactor = 70)`);
    await queryRunner.query(`DROP TRIGGER "vote_refused_while_closing" ON "vote"`);
    await queryRunner.query(
      `CREATE TRIGGER "vote_refused_while_closing" BEFORE INSERT OR UPDATE OF "translation_id", "unit_id", "voter_id", "value", "weight", "cast_at" ON "vote" FOR EACH ROW EXECUTE FUNCTION chorus_refuse_vote_while_closing()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "vote_refused_while_closing" ON "vote"`);
    await queryRunner.query(
      `CREATE TRIGGER "vote_refused_while_closing" BEFORE INSERT OR UPDATE ON "vote" FOR EACH ROW EXECUTE FUNCTION chorus_refuse_vote_while_closing()`,
    );
    await queryRunner.query(`ALTER TABLE "translation_unit" RESET (fillfactor)`);
    await queryRunner.query(`ALTER TABLE "vote" RESET (fillfactor)`);
  }
}
