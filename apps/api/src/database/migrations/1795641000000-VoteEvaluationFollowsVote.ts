import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A vote's evaluation (vote_evaluation) goes wherever its vote goes. Only the close's retract
 * statement deleted it, so a vote removed any other way — the cascade from a deleted glossary
 * term's string to its candidates and their votes, or a deleted account — left its evaluation
 * behind. A statement-level trigger on `vote` (its deleted rows as one transition table) deletes
 * them with every vote delete, cascades included; the hot insert path gets no foreign-key check
 * (that would look up and lock the vote row for each evaluation a close writes). Evaluations
 * already orphaned are deleted here.
 */
export class VoteEvaluationFollowsVote1795641000000 implements MigrationInterface {
  name = 'VoteEvaluationFollowsVote1795641000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION chorus_delete_vote_evaluations() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM vote_evaluation e USING deleted_votes d
         WHERE e.translation_id = d.translation_id AND e.voter_id = d.voter_id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "vote_evaluation_follows_vote" AFTER DELETE ON "vote" REFERENCING OLD TABLE AS deleted_votes FOR EACH STATEMENT EXECUTE FUNCTION chorus_delete_vote_evaluations()`,
    );
    await queryRunner.query(
      `DELETE FROM "vote_evaluation" e WHERE NOT EXISTS (SELECT 1 FROM "vote" v
         WHERE v."translation_id" = e."translation_id" AND v."voter_id" = e."voter_id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "vote_evaluation_follows_vote" ON "vote"`);
    await queryRunner.query(`DROP FUNCTION chorus_delete_vote_evaluations()`);
  }
}
