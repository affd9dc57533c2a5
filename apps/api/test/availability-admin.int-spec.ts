import { DataSource } from 'typeorm';
import { signedInClient } from './support/graphql-client';
import {
  flushQueueKeys,
  resetDatabase,
  startApi,
  testConfig,
  type RunningApi,
} from './support/test-app';

const ADMIN = 'root@chorus.test';
const STATS = '{ queueStats { queue waiting active delayed completed failed } }';

/** Issue 14 (low): queueStats showed every tenant's queues to any project owner. */
describe('availability: queue statistics are for instance administrators', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi(testConfig({ ADMIN_EMAILS: ` ${ADMIN.toUpperCase()} , ops@chorus.test` }));
    await resetDatabase(api.app);
  });

  afterAll(async () => {
    await flushQueueKeys(api.config);
    await api.close();
  });

  it('refuses a project owner and answers an administrator from ADMIN_EMAILS, unless banned', async () => {
    const owner = await signedInClient(api.baseUrl, 'owner');
    await owner.client.ok(
      'mutation { createProject(input: { slug: "tenant", name: "Tenant", sourceLocale: "en" }) { id } }',
    );
    expect(await owner.client.errorCode(STATS)).toBe('FORBIDDEN');

    const admin = await signedInClient(api.baseUrl, 'admin');
    const db = api.app.get(DataSource);
    await db.query('UPDATE "user" SET email = $2 WHERE id = $1', [admin.id, ADMIN]);
    const stats = await admin.client.ok<{ queueStats: { queue: string }[] }>(STATS);
    expect(stats.queueStats.map((q) => q.queue)).toEqual([
      'voting',
      'delivery',
      'catalogue',
      'maintenance',
    ]);

    await db.query('UPDATE "user" SET banned_at = now() WHERE id = $1', [admin.id]);
    expect(await admin.client.errorCode(STATS)).toBeDefined();
  });
});
