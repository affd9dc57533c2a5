import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two of a close batch's writes made cheaper.
 *
 * A decision stamps each counted vote with the round that evaluated it (`evaluated_in_round`):
 * one update per vote, the biggest write of a close batch. The trigger that refuses votes while
 * their round is CLOSING now fires only when a vote itself is cast or changed (its keys, value,
 * weight or time), not for the stamp, which is no vote (the close writes it with a plain UPDATE of
 * that column). The vote table keeps its default fill: leaving half of each page free made the
 * stamp heap-only but measured no faster at 100k rounds, and would double the biggest table.
 *
 * A unit row changes at every round transition (its current round, winner, lock), never in an
 * indexed column: with 30 % of each page free those updates stay heap-only (no index entries).
 * Existing pages keep their fill until rewritten; new rows get the free space.
 */
export class CloseUpdatesHot1795638000000 implements MigrationInterface {
  name = 'CloseUpdatesHot1795638000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
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
  }
}
