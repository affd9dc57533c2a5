import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A queued import remembers the i18next JSON version its caller gave (v3 or v4); NULL means the
 * worker detects it from the keys, as the API does for a file it imports at once.
 */
export class ImportUploadJsonFormat1795625000000 implements MigrationInterface {
  name = 'ImportUploadJsonFormat1795625000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "import_upload" ADD "json_format" text, ADD CONSTRAINT "CHK_import_upload_json_format" CHECK ("json_format" IN ('v3', 'v4'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "import_upload" DROP CONSTRAINT "CHK_import_upload_json_format", DROP COLUMN "json_format"`,
    );
  }
}
