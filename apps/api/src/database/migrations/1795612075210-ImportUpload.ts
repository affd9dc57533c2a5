import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Uploads of large catalogue imports: the body waits here for the worker (the BullMQ job carries
 * only the id), and the result stays after it has run. Generated from the entity, reviewed.
 */

export class ImportUpload1795612075210 implements MigrationInterface {
  name = 'ImportUpload1795612075210';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "import_upload" ("id" text NOT NULL, "project_id" uuid NOT NULL, "namespace" text NOT NULL, "locale" text NOT NULL, "nested_keys" boolean NOT NULL, "author_id" uuid NOT NULL, "token_id" uuid, "body" text NOT NULL, "result" jsonb, "error" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_95fa91c2e22f631f20788d9a63c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_78c2389929d4dc8f75f4f8dbd1" ON "import_upload" ("created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "import_upload" ADD CONSTRAINT "FK_71b07ae0df5c38e8e0c9f5ea1e0" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "import_upload" DROP CONSTRAINT "FK_71b07ae0df5c38e8e0c9f5ea1e0"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_78c2389929d4dc8f75f4f8dbd1"`);
    await queryRunner.query(`DROP TABLE "import_upload"`);
  }
}
