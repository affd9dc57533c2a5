import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counters of rate-limiter-flexible's Postgres store (used when the app runs without Redis),
 * in the shape that library expects: key, points, expiry in epoch milliseconds. UNLOGGED: a
 * crash may reset the counters, which only forgives a few attempts, and writes skip the WAL.
 */
export class RateLimit1795623000000 implements MigrationInterface {
  name = 'RateLimit1795623000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNLOGGED TABLE "rate_limit" ("key" varchar(255) PRIMARY KEY, "points" integer NOT NULL DEFAULT 0, "expire" bigint)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_rate_limit_expire" ON "rate_limit" ("expire")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rate_limit"`);
  }
}
