import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A claim reads the volunteer's lease in the locale twice (their held lease, and the lease it
 * releases when it takes another string), by user and locale. Keyed by user alone, the generic plan
 * read the user's entries with a bitmap scan: every lease they had held in any locale since the
 * last VACUUM, each a dead heap tuple to visit (a claim frees the previous lease). Keyed by
 * (user, locale) it is an index scan, which also marks the dead entries it meets so later claims
 * skip them: ~13 % less Postgres per claim on W5's database.
 */
export class StringLeaseByVolunteerLocale1795646000000 implements MigrationInterface {
  name = 'StringLeaseByVolunteerLocale1795646000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_9b03c211760ec1564881f4fa4d"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_string_lease_user_locale" ON "string_lease" ("user_id", "locale_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_string_lease_user_locale"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_9b03c211760ec1564881f4fa4d" ON "string_lease" ("user_id") `,
    );
  }
}
