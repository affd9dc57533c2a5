import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * In-context screenshots (issue 19 item 2): the owner's switch on `project`, the images (bytea,
 * bounded by SCREENSHOT_MAX_KB) and, per (project, namespace, key), the region of each screenshot
 * that shows the key. Only the newest few screenshots per key are kept (ScreenshotService).
 */
export class Screenshots1795637000000 implements MigrationInterface {
  name = 'Screenshots1795637000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "project" ADD "in_context_screenshots" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(
      `CREATE TABLE "screenshot" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "uploader_id" uuid, "content_type" text NOT NULL, "image" bytea NOT NULL, "width" integer NOT NULL, "height" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_screenshot_type" CHECK ("content_type" IN ('image/png','image/jpeg','image/webp')), CONSTRAINT "PK_screenshot" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "screenshot" ADD CONSTRAINT "FK_screenshot_project" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "screenshot" ADD CONSTRAINT "FK_screenshot_uploader" FOREIGN KEY ("uploader_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "screenshot_region" ("screenshot_id" uuid NOT NULL, "project_id" uuid NOT NULL, "namespace" text NOT NULL, "key" text NOT NULL, "x" integer NOT NULL, "y" integer NOT NULL, "width" integer NOT NULL, "height" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_screenshot_region" PRIMARY KEY ("screenshot_id", "namespace", "key"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_screenshot_region_key" ON "screenshot_region" ("project_id", "namespace", "key", "created_at")`,
    );
    await queryRunner.query(
      `ALTER TABLE "screenshot_region" ADD CONSTRAINT "FK_screenshot_region_screenshot" FOREIGN KEY ("screenshot_id") REFERENCES "screenshot"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "screenshot_region"`);
    await queryRunner.query(`DROP TABLE "screenshot"`);
    await queryRunner.query(`ALTER TABLE "project" DROP COLUMN "in_context_screenshots"`);
  }
}
