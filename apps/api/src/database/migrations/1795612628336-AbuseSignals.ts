import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Abuse signals: flags with evidence for managers, and collusion pairs that weigh wMin (DOMAIN C2). */

export class AbuseSignals1795612628336 implements MigrationInterface {
  name = 'AbuseSignals1795612628336';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "abuse_flag" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "kind" text NOT NULL, "user_ids" uuid array NOT NULL, "fingerprint" text NOT NULL, "evidence" jsonb NOT NULL, "detected_at" TIMESTAMP WITH TIME ZONE NOT NULL, "cleared_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_4006df6f2e84936403a81e76774" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_57c20c3b94b7550fdf325ab449" ON "abuse_flag" ("project_id", "fingerprint") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b474819c79c96fc3c655a9af53" ON "abuse_flag" ("project_id", "cleared_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "collusion_pair" ("user_a" uuid NOT NULL, "user_b" uuid NOT NULL, "detected_at" TIMESTAMP WITH TIME ZONE NOT NULL, "cleared_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_collusion_pair_order" CHECK ("user_a" < "user_b"), CONSTRAINT "PK_5192da5b00c10af5abdf2cc1aa2" PRIMARY KEY ("user_a", "user_b"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "collusion_pair"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b474819c79c96fc3c655a9af53"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_57c20c3b94b7550fdf325ab449"`);
    await queryRunner.query(`DROP TABLE "abuse_flag"`);
  }
}
