import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports and moderation (issue 18 item 4): `moderation_report` holds what volunteers report
 * (a candidate or a user) and what the abuse scan flags (reporter null, one report per flag);
 * `target_key` names the target so one reporter has at most one open report per target.
 * `project_ban` withdraws a user's contributor actions in one project until it expires or is
 * lifted. `translation.hidden_at` marks a candidate a manager hid (it is also rejected).
 */
export class Moderation1795634000000 implements MigrationInterface {
  name = 'Moderation1795634000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "moderation_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "locale" text, "target_kind" text NOT NULL, "target_key" text NOT NULL, "candidate_id" uuid, "target_user_id" uuid NOT NULL, "reporter_id" uuid, "abuse_flag_id" uuid, "reason" text NOT NULL, "note" text, "status" text NOT NULL DEFAULT 'open', "resolution" text, "resolved_by" uuid, "resolved_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_moderation_report" PRIMARY KEY ("id"), CONSTRAINT "FK_moderation_report_project" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE, CONSTRAINT "FK_moderation_report_candidate" FOREIGN KEY ("candidate_id") REFERENCES "translation"("id") ON DELETE CASCADE, CONSTRAINT "FK_moderation_report_target_user" FOREIGN KEY ("target_user_id") REFERENCES "user"("id") ON DELETE CASCADE, CONSTRAINT "FK_moderation_report_reporter" FOREIGN KEY ("reporter_id") REFERENCES "user"("id") ON DELETE CASCADE, CONSTRAINT "FK_moderation_report_abuse_flag" FOREIGN KEY ("abuse_flag_id") REFERENCES "abuse_flag"("id") ON DELETE CASCADE, CONSTRAINT "CHK_moderation_report_kind" CHECK ("target_kind" IN ('CANDIDATE','USER') AND ("target_kind" = 'CANDIDATE') = ("candidate_id" IS NOT NULL)), CONSTRAINT "CHK_moderation_report_reason" CHECK ("reason" IN ('WRONG','OFFENSIVE','SPAM','MACHINE_TRANSLATED','OTHER','ABUSE_SCAN')), CONSTRAINT "CHK_moderation_report_status" CHECK ("status" IN ('open','resolved') AND ("status" = 'resolved') = ("resolution" IS NOT NULL)), CONSTRAINT "CHK_moderation_report_resolution" CHECK ("resolution" IN ('HIDDEN','REJECTED','WARNED','BANNED','DISMISSED')), CONSTRAINT "CHK_moderation_report_note" CHECK (char_length("note") <= 1000), CONSTRAINT "CHK_moderation_report_system" CHECK (("reporter_id" IS NULL) = ("abuse_flag_id" IS NOT NULL)))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_moderation_report_open" ON "moderation_report" ("project_id", "reporter_id", "target_key") WHERE "status" = 'open'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_moderation_report_flag" ON "moderation_report" ("abuse_flag_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_moderation_report_queue" ON "moderation_report" ("project_id", "created_at", "id") WHERE "status" = 'open'`,
    );
    await queryRunner.query(
      `CREATE TABLE "project_ban" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "user_id" uuid NOT NULL, "reason" text NOT NULL, "banned_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE, "lifted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_project_ban" PRIMARY KEY ("id"), CONSTRAINT "FK_project_ban_project" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE, CONSTRAINT "FK_project_ban_user" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE, CONSTRAINT "FK_project_ban_banned_by" FOREIGN KEY ("banned_by") REFERENCES "user"("id") ON DELETE SET NULL, CONSTRAINT "CHK_project_ban_reason" CHECK (char_length("reason") BETWEEN 1 AND 500))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_project_ban_user" ON "project_ban" ("project_id", "user_id") WHERE "lifted_at" IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE "translation" ADD "hidden_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "translation" DROP COLUMN "hidden_at"`);
    await queryRunner.query(`DROP TABLE "project_ban"`);
    await queryRunner.query(`DROP TABLE "moderation_report"`);
  }
}
