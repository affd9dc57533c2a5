import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * In-app notifications (issue 18): one row per user and event. `dedupe_key` names the event so a
 * round effect applied twice notifies once; the partial index serves the bell's unread count and
 * the e-mail digest's "not yet sent" scan.
 */
export class Notification1795633000000 implements MigrationInterface {
  name = 'Notification1795633000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" text NOT NULL, "project_id" uuid, "payload" jsonb NOT NULL, "dedupe_key" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, "emailed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_notification" PRIMARY KEY ("id"), CONSTRAINT "FK_notification_user" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE, CONSTRAINT "FK_notification_project" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE, CONSTRAINT "CHK_notification_kind" CHECK ("kind" IN ('CANDIDATE_WON','CANDIDATE_LOST','REPLY','MENTION','QUESTION_ANSWERED','ROUND_NEEDS_DECISION','REPORT_HANDLED')))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_notification_user_created" ON "notification" ("user_id", "created_at")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_notification_user_dedupe" ON "notification" ("user_id", "dedupe_key")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_notification_unread" ON "notification" ("user_id") WHERE "read_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_notification_unemailed" ON "notification" ("created_at") WHERE "emailed_at" IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notification"`);
  }
}
