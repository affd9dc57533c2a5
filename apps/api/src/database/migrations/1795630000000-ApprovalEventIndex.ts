import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Why this won" names the language manager who approved a winner and their reason (issue 17
 * item 6). Both are in the audit log (`candidate.approved`, payload.candidateId and reason); this
 * partial expression index finds a candidate's approval without reading the whole log.
 */
export class ApprovalEventIndex1795630000000 implements MigrationInterface {
  name = 'ApprovalEventIndex1795630000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_event_candidate_approved" ON "event" (("payload"->>'candidateId'), "id") WHERE "type" = 'candidate.approved'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_event_candidate_approved"`);
  }
}
