import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Catalogue (locales, namespaces, source strings), API tokens, translation units and candidates,
 * votes, rounds and reputation. Generated from the entities, then reviewed; added by hand:
 * pg_trgm with a trigram index for search and translation memory, and a trigger that refuses
 * votes while a unit's round is closing (the state is transient, but the database says no too).
 */

export class CatalogueTranslationVoting1795611182845 implements MigrationInterface {
  name = 'CatalogueTranslationVoting1795611182845';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "locale" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "code" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4b7a3ebe8ec48f1bb2c4b80e349" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_d6dc5ad37b9d2951a5468120f5" ON "locale" ("project_id", "code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "namespace" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "name" text NOT NULL, "nested_keys" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_155557f16b1d166388d7308086a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_ec49922996bcdeb56e5c37d423" ON "namespace" ("project_id", "name") `,
    );
    await queryRunner.query(
      `CREATE TABLE "source_string" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "namespace_id" uuid NOT NULL, "unit_key" text NOT NULL, "key" text NOT NULL, "kind" text NOT NULL, "path" jsonb NOT NULL, "context" jsonb, "forms" jsonb NOT NULL, "source_text" text NOT NULL, "source_hash" text NOT NULL, "description" text, "max_length" integer, "position" integer NOT NULL, "removed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9344b87864cffe21470ff05ddaa" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_9f439cf4d22233326b222bee14" ON "source_string" ("project_id", "position") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_db6db71009707d3bbee70c0ddd" ON "source_string" ("namespace_id", "unit_key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "api_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "name" text NOT NULL, "token_hash" text NOT NULL, "scopes" text array NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_bafaa5aab5957cd193fb2da8f24" UNIQUE ("token_hash"), CONSTRAINT "PK_d862311c568d175c26f41bc6f98" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b4006af213c94dde67262ee00f" ON "api_token" ("project_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "string_lease" ("string_id" uuid NOT NULL, "locale_id" uuid NOT NULL, "user_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_45dc9f1b085065156114d71b82a" PRIMARY KEY ("string_id", "locale_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_9b03c211760ec1564881f4fa4d" ON "string_lease" ("user_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "translation_unit" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "string_id" uuid NOT NULL, "locale_id" uuid NOT NULL, "locked" boolean NOT NULL DEFAULT false, "is_gold" boolean NOT NULL DEFAULT false, "current_round_id" uuid, "winner_translation_id" uuid, "winner_round_id" uuid, "winner_source_hash" text, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_864b650ddc0b1e91461d9dae881" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0406a0182ca9566b81c079a78e" ON "translation_unit" ("locale_id", "project_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_a63b06a354c19918e3e0d25f04" ON "translation_unit" ("string_id", "locale_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "translation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "author_id" uuid NOT NULL, "source_hash" text NOT NULL, "forms" jsonb NOT NULL, "dedupe_key" text NOT NULL, "status" text NOT NULL DEFAULT 'active', "origin" text NOT NULL DEFAULT 'community', "findings" jsonb NOT NULL DEFAULT '[]', "blocking_errors" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_translation_origin" CHECK ("origin" IN ('community', 'import', 'manager')), CONSTRAINT "CHK_translation_status" CHECK ("status" IN ('active', 'withdrawn', 'rejected', 'outdated')), CONSTRAINT "PK_7aef875e43ab80d34a0cdd39c70" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7caffc7ddfb1ff625d5e5336f7" ON "translation" ("author_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_translation_one_active_per_author" ON "translation" ("unit_id", "author_id") WHERE "status" = 'active' AND "origin" = 'community'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_292cc773d48a59a271846724e7" ON "translation" ("unit_id", "dedupe_key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "reputation_ledger" ("round_id" uuid NOT NULL, "user_id" uuid NOT NULL, "kind" text NOT NULL, "project_id" uuid NOT NULL, "locale" text NOT NULL, "agree" double precision NOT NULL DEFAULT '0', "disagree" double precision NOT NULL DEFAULT '0', "accepted" double precision NOT NULL DEFAULT '0', "rejected" double precision NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_reputation_ledger_kind" CHECK ("kind" IN ('voter', 'translator')), CONSTRAINT "PK_443245e88de1efb6241fee12886" PRIMARY KEY ("round_id", "user_id", "kind"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3c28333dcaa1a159e5d4536db8" ON "reputation_ledger" ("user_id", "locale") `,
    );
    await queryRunner.query(
      `CREATE TABLE "reputation" ("user_id" uuid NOT NULL, "locale" text NOT NULL, "agree" double precision NOT NULL DEFAULT '0', "disagree" double precision NOT NULL DEFAULT '0', "accepted" double precision NOT NULL DEFAULT '0', "rejected" double precision NOT NULL DEFAULT '0', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_158dd2fe68405a4e1118c3b93cd" PRIMARY KEY ("user_id", "locale"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "round" ("id" uuid NOT NULL, "unit_id" uuid NOT NULL, "number" integer NOT NULL, "source_hash" text NOT NULL, "state" text NOT NULL, "params" jsonb NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, "collecting_since" TIMESTAMP WITH TIME ZONE, "deadline" TIMESTAMP WITH TIME ZONE, "extensions_used" integer NOT NULL DEFAULT '0', "closed_at" TIMESTAMP WITH TIME ZONE, "winner_id" uuid, "reasons" text array NOT NULL DEFAULT '{}', "decided_early" boolean NOT NULL DEFAULT false, "approved_candidate_id" uuid, "rejected_candidate_ids" uuid array NOT NULL DEFAULT '{}', "dirty" boolean NOT NULL DEFAULT false, "decision" jsonb, CONSTRAINT "CHK_round_winner" CHECK (("state" = 'DECIDED') = ("winner_id" IS NOT NULL)), CONSTRAINT "CHK_round_state" CHECK ("state" IN ('OPEN', 'COLLECTING', 'CLOSING', 'DECIDED', 'UNDECIDED')), CONSTRAINT "PK_34bd959f3f4a90eb86e4ae24d2d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b17ff23b084e005f1ebe69d42d" ON "round" ("state", "deadline") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_round_one_live_per_unit" ON "round" ("unit_id") WHERE "state" IN ('OPEN', 'COLLECTING', 'CLOSING')`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_e7e47e0e08e5b934b736b049b1" ON "round" ("unit_id", "number") `,
    );
    await queryRunner.query(
      `CREATE TABLE "vote" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "translation_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "voter_id" uuid NOT NULL, "value" smallint NOT NULL, "weight" double precision NOT NULL, "cast_at" TIMESTAMP WITH TIME ZONE NOT NULL, "evaluated_in_round" uuid, CONSTRAINT "CHK_vote_weight" CHECK ("weight" >= 0 AND "weight" <= 1), CONSTRAINT "CHK_vote_value" CHECK ("value" IN (-1, 1)), CONSTRAINT "PK_2d5932d46afe39c8176f9d4be72" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a1951f3431c83a5ac0e9e459dc" ON "vote" ("voter_id", "cast_at") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_2aff60817835a34e50435c32a7" ON "vote" ("unit_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_f1ae488c3e257b914540da9687" ON "vote" ("translation_id", "voter_id") `,
    );
    await queryRunner.query(`ALTER TABLE "user" ADD "banned_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "locale" ADD CONSTRAINT "FK_a60cd557bae599b39947beaddb7" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "namespace" ADD CONSTRAINT "FK_9a58b1e2db40b898b8caceb3955" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "source_string" ADD CONSTRAINT "FK_c9e914106d34c362c17a9547308" FOREIGN KEY ("namespace_id") REFERENCES "namespace"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "api_token" ADD CONSTRAINT "FK_b4006af213c94dde67262ee00f7" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "translation_unit" ADD CONSTRAINT "FK_c28f858b8766b03e5f037440c45" FOREIGN KEY ("string_id") REFERENCES "source_string"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "translation_unit" ADD CONSTRAINT "FK_0351dcec435f4806452bdf00df0" FOREIGN KEY ("locale_id") REFERENCES "locale"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "translation" ADD CONSTRAINT "FK_864b650ddc0b1e91461d9dae881" FOREIGN KEY ("unit_id") REFERENCES "translation_unit"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "translation" ADD CONSTRAINT "FK_b3d670fb158a1e038cf329d5122" FOREIGN KEY ("author_id") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "round" ADD CONSTRAINT "FK_caf9bc71c19dc3062fc9afec977" FOREIGN KEY ("unit_id") REFERENCES "translation_unit"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vote" ADD CONSTRAINT "FK_164c81255ed07cdf84004b94c7c" FOREIGN KEY ("translation_id") REFERENCES "translation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vote" ADD CONSTRAINT "FK_f5c90d8438424ec0f044ef945a9" FOREIGN KEY ("voter_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE INDEX "IDX_source_string_text_trgm" ON "source_string" USING gin ("source_text" gin_trgm_ops)`,
    );
    await queryRunner.query(`CREATE FUNCTION chorus_refuse_vote_while_closing() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "round" r WHERE r."unit_id" = NEW."unit_id" AND r."state" = 'CLOSING') THEN
    RAISE EXCEPTION 'ROUND_CLOSING: the round of this string is closing' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "vote_refused_while_closing" BEFORE INSERT OR UPDATE ON "vote" FOR EACH ROW EXECUTE FUNCTION chorus_refuse_vote_while_closing()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "vote_refused_while_closing" ON "vote"`);
    await queryRunner.query(`DROP FUNCTION chorus_refuse_vote_while_closing()`);
    await queryRunner.query(`DROP INDEX "IDX_source_string_text_trgm"`);
    await queryRunner.query(`ALTER TABLE "vote" DROP CONSTRAINT "FK_f5c90d8438424ec0f044ef945a9"`);
    await queryRunner.query(`ALTER TABLE "vote" DROP CONSTRAINT "FK_164c81255ed07cdf84004b94c7c"`);
    await queryRunner.query(`ALTER TABLE "round" DROP CONSTRAINT "FK_caf9bc71c19dc3062fc9afec977"`);
    await queryRunner.query(
      `ALTER TABLE "translation" DROP CONSTRAINT "FK_b3d670fb158a1e038cf329d5122"`,
    );
    await queryRunner.query(
      `ALTER TABLE "translation" DROP CONSTRAINT "FK_864b650ddc0b1e91461d9dae881"`,
    );
    await queryRunner.query(
      `ALTER TABLE "translation_unit" DROP CONSTRAINT "FK_0351dcec435f4806452bdf00df0"`,
    );
    await queryRunner.query(
      `ALTER TABLE "translation_unit" DROP CONSTRAINT "FK_c28f858b8766b03e5f037440c45"`,
    );
    await queryRunner.query(
      `ALTER TABLE "api_token" DROP CONSTRAINT "FK_b4006af213c94dde67262ee00f7"`,
    );
    await queryRunner.query(
      `ALTER TABLE "source_string" DROP CONSTRAINT "FK_c9e914106d34c362c17a9547308"`,
    );
    await queryRunner.query(
      `ALTER TABLE "namespace" DROP CONSTRAINT "FK_9a58b1e2db40b898b8caceb3955"`,
    );
    await queryRunner.query(
      `ALTER TABLE "locale" DROP CONSTRAINT "FK_a60cd557bae599b39947beaddb7"`,
    );
    await queryRunner.query(`ALTER TABLE "user" DROP COLUMN "banned_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f1ae488c3e257b914540da9687"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2aff60817835a34e50435c32a7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a1951f3431c83a5ac0e9e459dc"`);
    await queryRunner.query(`DROP TABLE "vote"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e7e47e0e08e5b934b736b049b1"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_round_one_live_per_unit"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b17ff23b084e005f1ebe69d42d"`);
    await queryRunner.query(`DROP TABLE "round"`);
    await queryRunner.query(`DROP TABLE "reputation"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3c28333dcaa1a159e5d4536db8"`);
    await queryRunner.query(`DROP TABLE "reputation_ledger"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_292cc773d48a59a271846724e7"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_translation_one_active_per_author"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7caffc7ddfb1ff625d5e5336f7"`);
    await queryRunner.query(`DROP TABLE "translation"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a63b06a354c19918e3e0d25f04"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0406a0182ca9566b81c079a78e"`);
    await queryRunner.query(`DROP TABLE "translation_unit"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9b03c211760ec1564881f4fa4d"`);
    await queryRunner.query(`DROP TABLE "string_lease"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b4006af213c94dde67262ee00f"`);
    await queryRunner.query(`DROP TABLE "api_token"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_db6db71009707d3bbee70c0ddd"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9f439cf4d22233326b222bee14"`);
    await queryRunner.query(`DROP TABLE "source_string"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ec49922996bcdeb56e5c37d423"`);
    await queryRunner.query(`DROP TABLE "namespace"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d6dc5ad37b9d2951a5468120f5"`);
    await queryRunner.query(`DROP TABLE "locale"`);
  }
}
