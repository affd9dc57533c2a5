import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Delivery1795611823676 implements MigrationInterface {
  name = 'Delivery1795611823676';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "bundle_set" ("project_id" uuid NOT NULL, "requested_seq" bigint NOT NULL DEFAULT '0', "built_seq" bigint NOT NULL DEFAULT '0', "bundle_set_hash" text, "manifest" text, "manifest_hash" text, "built_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_cb267f4756c7d74a151979fc7a5" PRIMARY KEY ("project_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "bundle_version" ("project_id" uuid NOT NULL, "locale" text NOT NULL, "namespace" text NOT NULL, "content_hash" text NOT NULL, "short_hash" text NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7dd13265f426f44fcd79373abfa" PRIMARY KEY ("project_id", "locale", "namespace", "content_hash"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_dfe20e6d3277bcacb5098aeaea" ON "bundle_version" ("project_id", "locale", "namespace", "short_hash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "bundle" ("project_id" uuid NOT NULL, "locale" text NOT NULL, "namespace" text NOT NULL, "content_hash" text NOT NULL, "short_hash" text NOT NULL, "key_count" integer NOT NULL, "unit_count" integer NOT NULL, "total_units" integer NOT NULL, "built_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_c1de920a777dc4242431246ea61" PRIMARY KEY ("project_id", "locale", "namespace"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "webhook" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "url" text NOT NULL, "secret" text NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_delivery_at" TIMESTAMP WITH TIME ZONE, "last_status" integer, CONSTRAINT "PK_e6765510c2d078db49632b59020" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_98cafb2ba0bc9572e990c25998" ON "webhook" ("project_id", "url") `,
    );
    await queryRunner.query(
      `ALTER TABLE "bundle_set" ADD CONSTRAINT "FK_cb267f4756c7d74a151979fc7a5" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "bundle_version" ADD CONSTRAINT "FK_e0dc5a69d13b94ae2081431c11c" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "bundle" ADD CONSTRAINT "FK_009774bef9bda7c721008c4d681" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhook" ADD CONSTRAINT "FK_95bc3b4bf6b329b6c6dd2ed2174" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "webhook" DROP CONSTRAINT "FK_95bc3b4bf6b329b6c6dd2ed2174"`,
    );
    await queryRunner.query(
      `ALTER TABLE "bundle" DROP CONSTRAINT "FK_009774bef9bda7c721008c4d681"`,
    );
    await queryRunner.query(
      `ALTER TABLE "bundle_version" DROP CONSTRAINT "FK_e0dc5a69d13b94ae2081431c11c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "bundle_set" DROP CONSTRAINT "FK_cb267f4756c7d74a151979fc7a5"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_98cafb2ba0bc9572e990c25998"`);
    await queryRunner.query(`DROP TABLE "webhook"`);
    await queryRunner.query(`DROP TABLE "bundle"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_dfe20e6d3277bcacb5098aeaea"`);
    await queryRunner.query(`DROP TABLE "bundle_version"`);
    await queryRunner.query(`DROP TABLE "bundle_set"`);
  }
}
