import type { MigrationInterface, QueryRunner } from 'typeorm';

const BEFORE = `'CANDIDATE_WON','CANDIDATE_LOST','REPLY','MENTION','QUESTION_ANSWERED','ROUND_NEEDS_DECISION','REPORT_HANDLED'`;

/**
 * Two notification kinds for the user a moderator acted on (issue 18 item 4): a warning, and a
 * ban from a project. Reporters keep REPORT_HANDLED.
 */
export class ModerationNotifications1795634100000 implements MigrationInterface {
  name = 'ModerationNotifications1795634100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "CHK_notification_kind"`);
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "CHK_notification_kind" CHECK ("kind" IN (${BEFORE},'MODERATION_WARNING','PROJECT_BAN'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM "notification" WHERE "kind" IN ('MODERATION_WARNING','PROJECT_BAN')`,
    );
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "CHK_notification_kind"`);
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "CHK_notification_kind" CHECK ("kind" IN (${BEFORE}))`,
    );
  }
}
