import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi, testConfig } from './support/test-app';

describe('committed GraphQL schema', () => {
  it('is what the code generates (run `npx nx run api:schema` after changing resolvers)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chorus-schema-'));
    const file = join(dir, 'schema.gql');
    const api = await startApi(testConfig({ GRAPHQL_SCHEMA_FILE: file }));
    try {
      const generated = readFileSync(file, 'utf8');
      const committedPath = join(__dirname, '../src/schema.gql');
      if (process.env['CHORUS_UPDATE_SCHEMA'] === '1') writeFileSync(committedPath, generated);
      expect(readFileSync(committedPath, 'utf8')).toBe(generated);
    } finally {
      await api.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
