import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The one-statement vote's last check (voting/vote-statement.ts). PL/pgSQL and VOLATILE on purpose:
 * each query in it takes a fresh snapshot, so called after the vote has its lock on the unit it sees
 * what a close committed while the vote waited; a condition in the vote's own statement would read
 * the statement's older snapshot and could let a vote into a round that just closed without it.
 */
export class VoteTargetOpen1795626000000 implements MigrationInterface {
  name = 'VoteTargetOpen1795626000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION chorus_vote_target_open(p_round uuid, p_candidate uuid, p_at timestamptz)
RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  RETURN EXISTS (
    SELECT 1 FROM round r
      JOIN translation_unit tu ON tu.current_round_id = r.id
      JOIN translation t ON t.unit_id = tu.id
     WHERE r.id = p_round AND t.id = p_candidate
       AND r.state = 'COLLECTING' AND r.deadline > p_at AND NOT tu.locked AND t.status = 'active');
END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION chorus_vote_target_open(uuid, uuid, timestamptz)`);
  }
}
