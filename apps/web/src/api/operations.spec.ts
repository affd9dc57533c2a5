/**
 * Every GraphQL document the web client sends must be valid against the API's generated schema
 * (apps/api/src/schema.gql): field and argument names, argument types, nullability and enums.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import * as admin from './admin-operations';
import * as project from './project-operations';
import * as session from './session-operations';
import * as translation from './translation-operations';
import * as voting from './voting-operations';

const schema = buildSchema(readFileSync(join(__dirname, '../../../api/src/schema.gql'), 'utf8'));

function queryOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || !('query' in value)) return null;
  return typeof value.query === 'string' ? value.query : null;
}

const documents = Object.entries({ ...admin, ...project, ...session, ...translation, ...voting })
  .map(([name, value]) => [name, queryOf(value)] as const)
  .filter((entry): entry is readonly [string, string] => entry[1] !== null);

describe('GraphQL operations against apps/api/src/schema.gql', () => {
  it('finds the documents', () => {
    expect(documents.length).toBeGreaterThan(25);
  });

  it.each(documents)('%s is valid', (_name, query) => {
    const errors = validate(schema, parse(query)).map((error) => error.message);
    expect(errors).toEqual([]);
  });
});
