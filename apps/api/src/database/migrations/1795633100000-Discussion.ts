import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Discussion on strings (issue 18): threads per (source string, locale), where locale '' is a
 * question about the source string to the developers, and their comments. A thread's official
 * answer is one of its comments; a source question may be flagged a *source issue*.
 */
export class Discussion1795633100000 implements MigrationInterface {
  name = 'Discussion1795633100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "discussion_thread" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "string_id" uuid NOT NULL, "locale" text NOT NULL DEFAULT '', "author_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_comment_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "official_comment_id" uuid, "source_issue_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_discussion_thread" PRIMARY KEY ("id"), CONSTRAINT "CHK_discussion_thread_issue" CHECK ("source_issue_at" IS NULL OR "locale" = ''), CONSTRAINT "FK_discussion_thread_project" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE, CONSTRAINT "FK_discussion_thread_string" FOREIGN KEY ("string_id") REFERENCES "source_string"("id") ON DELETE CASCADE, CONSTRAINT "FK_discussion_thread_author" FOREIGN KEY ("author_id") REFERENCES "user"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_discussion_thread_string" ON "discussion_thread" ("string_id", "locale")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_discussion_thread_issue" ON "discussion_thread" ("project_id", "source_issue_at") WHERE "source_issue_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "discussion_comment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "thread_id" uuid NOT NULL, "author_id" uuid NOT NULL, "body" text NOT NULL, "mentioned_user_ids" uuid array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_discussion_comment" PRIMARY KEY ("id"), CONSTRAINT "CHK_discussion_comment_body" CHECK (char_length("body") BETWEEN 1 AND 2000), CONSTRAINT "FK_discussion_comment_thread" FOREIGN KEY ("thread_id") REFERENCES "discussion_thread"("id") ON DELETE CASCADE, CONSTRAINT "FK_discussion_comment_author" FOREIGN KEY ("author_id") REFERENCES "user"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_discussion_comment_thread" ON "discussion_comment" ("thread_id", "created_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "discussion_comment"`);
    await queryRunner.query(`DROP TABLE "discussion_thread"`);
  }
}
