import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each rebuild records how long it took; the next rebuild of the project waits at least twice
 * that, so a stream of decisions (W3: 100k rounds closing) no longer keeps the worker rebuilding a
 * large project back to back.
 */
export class BundleBuildDuration1795619000000 implements MigrationInterface {
  name = 'BundleBuildDuration1795619000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "bundle_set" ADD "build_ms" integer NOT NULL DEFAULT '0'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "bundle_set" DROP COLUMN "build_ms"`);
  }
}
