import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Glossary (issue 19 item 1): one `glossary_term` per term of a project, each backed by a source
 * string in the project's reserved `$glossary` namespace, so its translations are candidates voted
 * on in rounds like any string's.
 */
export class Glossary1795635000000 implements MigrationInterface {
  name = 'Glossary1795635000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "glossary_term" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "string_id" uuid NOT NULL, "term" text NOT NULL, "description" text NOT NULL DEFAULT '', "part_of_speech" text, "case_sensitive" boolean NOT NULL DEFAULT false, "do_not_translate" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_glossary_term_text" CHECK (char_length("term") BETWEEN 1 AND 200), CONSTRAINT "CHK_glossary_term_description" CHECK (char_length("description") <= 2000), CONSTRAINT "CHK_glossary_term_pos" CHECK ("part_of_speech" IN ('noun','verb','adjective','adverb','properNoun','other')), CONSTRAINT "PK_glossary_term" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_glossary_term_text" ON "glossary_term" ("project_id", "term")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_glossary_term_string" ON "glossary_term" ("string_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "glossary_term" ADD CONSTRAINT "FK_glossary_term_project" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "glossary_term" ADD CONSTRAINT "FK_glossary_term_string" FOREIGN KEY ("string_id") REFERENCES "source_string"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "glossary_term"`);
  }
}
