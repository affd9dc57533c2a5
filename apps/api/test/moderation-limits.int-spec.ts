import { seedCatalogue, type SeededCatalogue } from './support/catalogue-fixture';
import { signedInClient, type TestClient } from './support/graphql-client';
import {
  flushQueueKeys,
  resetDatabase,
  startApi,
  testConfig,
  type RunningApi,
} from './support/test-app';

const SUBMIT = `mutation($i: SubmitTranslationInput!) { submitTranslation(input: $i) { candidate { id } } }`;
const REPORT = `mutation($c: ID!) { reportCandidate(input: { candidateId: $c, reason: SPAM }) { id } }`;

/**
 * Reports are throttled per account and per address (reportsPerUser, reportsPerIp), with the
 * existing limiter: this file runs its own API with low limits (2 per account, 3 per address).
 */
describe('moderation: report rate limits', () => {
  let api: RunningApi;
  let seeded: SeededCatalogue;
  const candidates: string[] = [];

  beforeAll(async () => {
    api = await startApi(
      testConfig({
        RATE_LIMIT_REPORTS_PER_USER: '2',
        RATE_LIMIT_REPORTS_PER_IP: '3',
        // Its own counters: other files of the run report from 127.0.0.1 too, and the per-address
        // counter under the run's shared prefix may already hold their reports.
        QUEUE_PREFIX: `${process.env['CHORUS_TEST_QUEUE_PREFIX'] ?? 'chorus_test'}_report_limits`,
      }),
    );
    await resetDatabase(api.app);
    const owner = await signedInClient(api.baseUrl, 'owner');
    seeded = await seedCatalogue(api.app, owner.client, {
      locales: ['de'],
      source: { a: 'A', b: 'B', c: 'C', d: 'D', e: 'E' },
    });
    const author = await signedInClient(api.baseUrl, 'author');
    for (const unit of ['s:a', 's:b', 's:c', 's:d', 's:e']) {
      const data = await author.client.ok<{ submitTranslation: { candidate: { id: string } } }>(
        SUBMIT,
        {
          i: {
            stringId: seeded.strings[unit],
            locale: 'de',
            forms: [{ category: '', text: `x ${unit}` }],
          },
        },
      );
      candidates.push(data.submitTranslation.candidate.id);
    }
  }, 120_000);

  afterAll(async () => {
    await api.close();
    await flushQueueKeys(api.config);
  });

  const report = (client: TestClient, candidate: string | undefined) =>
    client.gql(REPORT, { c: candidate });

  it('refuses a third report from one account, then further reports from the same address', async () => {
    const first = (await signedInClient(api.baseUrl, 'reporter')).client;
    expect((await report(first, candidates[0])).errors).toBeUndefined();
    expect((await report(first, candidates[1])).errors).toBeUndefined();
    const third = await report(first, candidates[2]);
    expect(third.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(third.errors?.[0]?.message).toContain('reports from this account');

    // A second account on the same address gets at most the address's remaining report.
    const second = (await signedInClient(api.baseUrl, 'puppet')).client;
    const answers = [await report(second, candidates[3]), await report(second, candidates[4])];
    const refused = answers.find((a) => a.errors !== undefined);
    expect(refused?.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(refused?.errors?.[0]?.message).toContain('reports from this address');
  });
});
