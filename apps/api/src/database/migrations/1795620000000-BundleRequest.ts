import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rebuild requests move out of `bundle_set` into their own row. A build runs in one REPEATABLE READ
 * snapshot and ends by writing `bundle_set`; while requests bumped a counter on that same row, any
 * decision committed during a build made the build fail with a serialisation error (and a pull
 * that built on demand answered 500). Requests also name the locales they touch, so a vote's
 * decision rebuilds one locale instead of all of them.
 *
 * Requests still pending when this runs keep their sequence number as a whole-project request.
 */
export class BundleRequest1795620000000 implements MigrationInterface {
  name = 'BundleRequest1795620000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "bundle_request" ("project_id" uuid NOT NULL, "requested_seq" bigint NOT NULL DEFAULT '0', "all_seq" bigint NOT NULL DEFAULT '0', "locale_seqs" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_bundle_request" PRIMARY KEY ("project_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "bundle_request" ADD CONSTRAINT "FK_bundle_request_project" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `INSERT INTO "bundle_request" ("project_id", "requested_seq", "all_seq")
       SELECT "project_id", "requested_seq", "requested_seq" FROM "bundle_set"`,
    );
    await queryRunner.query(`ALTER TABLE "bundle_set" DROP COLUMN "requested_seq"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "bundle_set" ADD "requested_seq" bigint NOT NULL DEFAULT '0'`,
    );
    await queryRunner.query(
      `UPDATE "bundle_set" s SET "requested_seq" = r."requested_seq"
         FROM "bundle_request" r WHERE r."project_id" = s."project_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "bundle_request" DROP CONSTRAINT "FK_bundle_request_project"`,
    );
    await queryRunner.query(`DROP TABLE "bundle_request"`);
  }
}
