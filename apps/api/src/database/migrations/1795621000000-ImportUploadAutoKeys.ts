import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A large file for a new namespace is queued unparsed, so its key style (nested or flat) is not
 * known when the upload is stored: `nested_keys` NULL means the worker decides it from the file,
 * as the API used to by parsing megabytes on its event loop (issue 14, Medium 10).
 */
export class ImportUploadAutoKeys1795621000000 implements MigrationInterface {
  name = 'ImportUploadAutoKeys1795621000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "import_upload" ALTER COLUMN "nested_keys" DROP NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // An undecided upload becomes flat, the parser's first guess for a new namespace.
    await queryRunner.query(
      `UPDATE "import_upload" SET "nested_keys" = false WHERE "nested_keys" IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE "import_upload" ALTER COLUMN "nested_keys" SET NOT NULL`);
  }
}
