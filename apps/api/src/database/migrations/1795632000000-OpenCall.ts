import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The open call (issue 18): projects open to volunteers and the locales they want help with,
 * invite links for closed projects, the languages a person translates into, per-locale goals, and
 * translator memberships that name the locale they joined for.
 */
export class OpenCall1795632000000 implements MigrationInterface {
  name = 'OpenCall1795632000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "invite" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "token_hash" text NOT NULL, "role" text NOT NULL, "locale" text NOT NULL DEFAULT '', "expires_at" TIMESTAMP WITH TIME ZONE, "max_uses" integer, "uses" integer NOT NULL DEFAULT '0', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_f04f011ab67d6ff726f43b5ea05" UNIQUE ("token_hash"), CONSTRAINT "CHK_invite_uses" CHECK ("max_uses" IS NULL OR ("max_uses" > 0 AND "uses" <= "max_uses")), CONSTRAINT "CHK_invite_locale" CHECK (("role" = 'language_manager') <= ("locale" <> '')), CONSTRAINT "CHK_invite_role" CHECK ("role" IN ('developer', 'language_manager', 'translator')), CONSTRAINT "PK_fc9fa190e5a3c5d80604a4f63e1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b2d3484b030d055fc8198d1669" ON "invite" ("project_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "locale_goal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "locale" text NOT NULL, "target_percent" integer NOT NULL, "due_date" date NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_locale_goal_target" CHECK ("target_percent" BETWEEN 1 AND 100), CONSTRAINT "PK_f8099be896434709d4af23d4bfc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_64e306fcf1285baf87e2599ca0" ON "locale_goal" ("project_id", "locale") `,
    );
    await queryRunner.query(`ALTER TABLE "project" ADD "open" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `ALTER TABLE "project" ADD "help_wanted_locales" text array NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(`ALTER TABLE "user" ADD "languages" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      `ALTER TABLE "invite" ADD CONSTRAINT "FK_b2d3484b030d055fc8198d16695" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "locale_goal" ADD CONSTRAINT "FK_74e60eb95d04b52935f3059deda" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "membership" DROP CONSTRAINT "CHK_membership_locale"`);
    await queryRunner.query(
      `ALTER TABLE "membership" ADD CONSTRAINT "CHK_membership_locale" CHECK (CASE "role" WHEN 'language_manager' THEN "locale" <> '' WHEN 'translator' THEN true ELSE "locale" = '' END)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // One translator row per user and project survives (the project-wide one, else the first locale).
    await queryRunner.query(
      `DELETE FROM "membership" m USING "membership" o
        WHERE m.role = 'translator' AND o.role = 'translator' AND m.locale <> ''
          AND o.project_id = m.project_id AND o.user_id = m.user_id
          AND (o.locale = '' OR o.locale < m.locale)`,
    );
    await queryRunner.query(
      `UPDATE "membership" SET "locale" = '' WHERE "role" = 'translator' AND "locale" <> ''`,
    );
    await queryRunner.query(`ALTER TABLE "membership" DROP CONSTRAINT "CHK_membership_locale"`);
    await queryRunner.query(
      `ALTER TABLE "membership" ADD CONSTRAINT "CHK_membership_locale" CHECK ((("role" = 'language_manager') = ("locale" <> '')))`,
    );
    await queryRunner.query(
      `ALTER TABLE "locale_goal" DROP CONSTRAINT "FK_74e60eb95d04b52935f3059deda"`,
    );
    await queryRunner.query(
      `ALTER TABLE "invite" DROP CONSTRAINT "FK_b2d3484b030d055fc8198d16695"`,
    );
    await queryRunner.query(`ALTER TABLE "user" DROP COLUMN "languages"`);
    await queryRunner.query(`ALTER TABLE "project" DROP COLUMN "help_wanted_locales"`);
    await queryRunner.query(`ALTER TABLE "project" DROP COLUMN "open"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_64e306fcf1285baf87e2599ca0"`);
    await queryRunner.query(`DROP TABLE "locale_goal"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b2d3484b030d055fc8198d1669"`);
    await queryRunner.query(`DROP TABLE "invite"`);
  }
}
