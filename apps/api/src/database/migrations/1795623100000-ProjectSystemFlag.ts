import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Projects the instance itself owns (the web client's catalogue, `chorus-ui`). Only the seed sets
 * the flag; bundles of reserved slugs are served only from flagged projects. An existing
 * `chorus-ui` is trusted only when the demo owner (the seed's account) owns it.
 */
export class ProjectSystemFlag1795623100000 implements MigrationInterface {
  name = 'ProjectSystemFlag1795623100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "project" ADD "system" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `UPDATE "project" p SET "system" = true
        WHERE p.slug = 'chorus-ui' AND EXISTS (
          SELECT 1 FROM membership m JOIN "user" u ON u.id = m.user_id
           WHERE m.project_id = p.id AND m.role = 'owner' AND u.email = 'demo@chorus.local')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "project" DROP COLUMN "system"`);
  }
}
