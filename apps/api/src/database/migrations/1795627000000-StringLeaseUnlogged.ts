import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * nextString leases become an UNLOGGED table: a claim is one short write per call, and a logged
 * write cost a WAL record and an fsync at every commit. A lease only keeps two volunteers off the
 * same string for ten minutes, so losing all of them in a crash (Postgres truncates unlogged
 * tables on recovery) is harmless: volunteers simply get strings again.
 */
export class StringLeaseUnlogged1795627000000 implements MigrationInterface {
  name = 'StringLeaseUnlogged1795627000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "string_lease" SET UNLOGGED`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "string_lease" SET LOGGED`);
  }
}
