import type { INestApplicationContext } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { BundleRebuildProducer } from '../src/delivery/bundle-rebuild.producer';
import { WebhookService } from '../src/delivery/webhook.service';
import { localeId, seedNamespace, seedWinner } from './support/delivery-seed';
import { signedInClient, TestClient } from './support/graphql-client';
import {
  flushQueueKeys,
  resetDatabase,
  startApi,
  startWorker,
  testConfig,
  type RunningApi,
} from './support/test-app';

interface Received {
  readonly body: string;
  readonly signature: string | undefined;
  readonly timestamp: string | undefined;
}

/** The receiver listens on 127.0.0.1, so this file allows exactly that address, as an operator would. */
const CONFIG = { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', WEBHOOKS_PER_PROJECT: '3' };

const ADD = `mutation($p: String!, $u: String!) {
  addWebhook(project: $p, url: $u) { secret webhook { id url lastStatus } } }`;
const LIST = 'query($p: String!) { webhooks(project: $p) { id url lastStatus lastDeliveryAt } }';
const REMOVE = 'mutation($p: String!, $id: ID!) { removeWebhook(project: $p, id: $id) }';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((done) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
  });
}

/** Polls until `probe` has a value; only the test's timeout limits it (a loaded machine is slow). */
async function until<T>(_what: string, probe: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('delivery: webhooks', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let receiver: Server;
  let receiverUrl: string;
  const received: Received[] = [];
  let failNext = 1;
  let owner: { client: TestClient; id: string };

  beforeAll(async () => {
    api = await startApi(testConfig(CONFIG));
    await resetDatabase(api.app);
    worker = await startWorker(api.config);
    receiver = createServer((req, res) => {
      void readBody(req).then((body) => {
        received.push({
          body,
          signature: req.headers['x-chorus-signature'] as string | undefined,
          timestamp: req.headers['x-chorus-timestamp'] as string | undefined,
        });
        // The first call fails, so the delivery is retried with backoff.
        res.statusCode = failNext-- > 0 ? 503 : 204;
        res.end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/chorus`;
    owner = await signedInClient(api.baseUrl, 'owner');
    await owner.client.ok(
      'mutation { createProject(input: { slug: "hooks", name: "Hooks", sourceLocale: "en" }) { id } }',
    );
  });

  afterAll(async () => {
    await worker.close();
    await flushQueueKeys(api.config);
    await api.close();
    await new Promise((r) => receiver.close(r));
  });

  it('registers a webhook, returning its secret once, and lists it without the secret', async () => {
    const data = await owner.client.ok<{
      addWebhook: { secret: string; webhook: { url: string } };
    }>(ADD, { p: 'hooks', u: receiverUrl });
    expect(data.addWebhook.secret).toMatch(/^whsec_/);
    expect(data.addWebhook.webhook.url).toBe(receiverUrl);
    const list = await owner.client.gql<{ webhooks: Record<string, unknown>[] }>(LIST, {
      p: 'hooks',
    });
    expect(list.data?.webhooks).toEqual([
      expect.objectContaining({ url: receiverUrl, lastStatus: null }),
    ]);
    expect(JSON.stringify(list)).not.toContain('whsec_');
  });

  it('refuses bad URLs, duplicates, strangers and anonymous callers with codes', async () => {
    expect(await owner.client.errorCode(ADD, { p: 'hooks', u: 'ftp://example.test/x' })).toBe(
      'INVALID_WEBHOOK_URL',
    );
    expect(await owner.client.errorCode(ADD, { p: 'hooks', u: 'not a url at all' })).toBe(
      'INVALID_WEBHOOK_URL',
    );
    expect(await owner.client.errorCode(ADD, { p: 'hooks', u: 'https://u:p@example.test/x' })).toBe(
      'INVALID_WEBHOOK_URL',
    );
    expect(await owner.client.errorCode(ADD, { p: 'hooks', u: receiverUrl })).toBe(
      'WEBHOOK_EXISTS',
    );
    expect(await owner.client.errorCode(ADD, { p: 'Bad Slug', u: receiverUrl })).toBe(
      'BAD_USER_INPUT',
    );
    const stranger = await signedInClient(api.baseUrl, 'stranger');
    expect(await stranger.client.errorCode(LIST, { p: 'hooks' })).toBe('FORBIDDEN');
    expect(await stranger.client.errorCode(ADD, { p: 'nope', u: receiverUrl })).toBe(
      'PROJECT_NOT_FOUND',
    );
    expect(await new TestClient(api.baseUrl).errorCode(LIST, { p: 'hooks' })).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      await owner.client.errorCode(REMOVE, {
        p: 'hooks',
        id: '00000000-0000-4000-8000-000000000000',
      }),
    ).toBe('WEBHOOK_NOT_FOUND');
  });

  it('POSTs a signed notification when a rebuild changes bundles, retrying a failed delivery', async () => {
    const secret = (
      await owner.client.ok<{ addWebhook: { secret: string } }>(ADD, {
        p: 'hooks',
        u: `${receiverUrl}?second=1`,
      })
    ).addWebhook.secret;
    const ds = api.app.get(DataSource);
    const [project] = (await ds.query("SELECT id FROM project WHERE slug = 'hooks'")) as {
      id: string;
    }[];
    const projectId = (project as { id: string }).id;
    const catalogue = await seedNamespace(ds, projectId, 'app', 'en', '{"hello":"Hello"}');
    const hello = catalogue.strings.get('s:hello');
    await seedWinner(ds, {
      projectId,
      stringId: hello?.id ?? '',
      localeId: await localeId(ds, projectId, 'fr'),
      authorId: owner.id,
      forms: { '': 'Bonjour' },
      sourceHash: hello?.unit.sourceHash ?? '',
    });
    // The worker runs the rebuild job (no bundle request is made here).
    await api.app.get(BundleRebuildProducer).requestRebuild(projectId);

    const signed = await until('the signed, retried delivery to the second webhook', () =>
      Promise.resolve(
        received.filter((r) => r.signature === signature(secret, r)).length >= 1 &&
          received.length >= 3
          ? received
          : undefined,
      ),
    );
    const mine = signed.filter((r) => r.signature === signature(secret, r));
    const body = JSON.parse(mine[0]?.body ?? '{}') as {
      project: string;
      changed: { locale: string; namespace: string; hash: string }[];
      bundleSetHash: string;
    };
    expect(body.project).toBe('hooks');
    expect(body.changed.map((c) => `${c.locale}/${c.namespace}`).sort()).toEqual([
      'en/app',
      'fr/app',
    ]);
    const fr = await fetch(`${api.baseUrl}/bundles/hooks/fr/app.json`);
    expect(await fr.text()).toBe('{\n  "hello": "Bonjour"\n}\n');
    expect(body.changed.find((c) => c.locale === 'fr')?.hash).toBe(
      (fr.headers.get('etag') ?? '').replace(/"/g, ''),
    );
    // Two webhooks, one 503 retried: three calls carrying the same body, signed per webhook.
    expect(received).toHaveLength(3);
    expect(new Set(received.map((r) => r.body)).size).toBe(1);
    // The signature covers the timestamp: the same body under another timestamp does not verify.
    const first = mine[0] as Received;
    expect(Number(first.timestamp)).toBeGreaterThan(1_700_000_000);
    expect(first.signature).not.toBe(
      signature(secret, { ...first, timestamp: String(Number(first.timestamp) + 1) }),
    );
    const list = await until('the recorded delivery status', async () => {
      const data = await owner.client.ok<{ webhooks: { lastStatus: number | null }[] }>(LIST, {
        p: 'hooks',
      });
      return data.webhooks.every((w) => w.lastStatus === 204) ? data.webhooks : undefined;
    });
    expect(list).toHaveLength(2);
  });

  it('refuses loopback, private and metadata targets the operator did not allow', async () => {
    const port = new URL(receiverUrl).port;
    for (const u of [
      `http://localhost:${port}/x`,
      `http://[::1]:${port}/x`,
      `http://127.0.0.2:${port}/x`,
      `http://2130706434:${port}/x`, // decimal 127.0.0.2
      `http://0177.0.0.2:${port}/x`, // octal 127.0.0.2
      'http://10.0.0.1/x',
      'http://192.168.0.10/x',
      'http://169.254.169.254/latest/meta-data/',
      'http://[fd00:ec2::254]/x',
    ]) {
      expect([u, await owner.client.errorCode(ADD, { p: 'hooks', u })]).toEqual([
        u,
        'INVALID_WEBHOOK_URL',
      ]);
    }
  });

  it('caps the webhooks of one project', async () => {
    await owner.client.ok(ADD, { p: 'hooks', u: 'https://hooks.example.com/third' });
    expect(
      await owner.client.errorCode(ADD, { p: 'hooks', u: 'https://hooks.example.com/fourth' }),
    ).toBe('WEBHOOK_LIMIT');
  });

  it('never calls a stored loopback target at send time without the allow-list, and says only 0', async () => {
    // As if registered before this check existed, or while the operator allowed it.
    const ds = api.app.get(DataSource);
    const [row] = (await ds.query(
      `INSERT INTO webhook (project_id, url, secret)
       SELECT id, $1, 'whsec_test' FROM project WHERE slug = 'hooks' RETURNING id`,
      [`http://2130706433:${new URL(receiverUrl).port}/stored`],
    )) as { id: string }[];
    const strict = await startWorker(testConfig({ WEBHOOKS_PER_PROJECT: '3' }));
    try {
      const before = received.length;
      await expect(
        strict.get(WebhookService).deliver(row?.id ?? '', '{}', new Date()),
      ).rejects.toThrow('target refused by policy');
      expect(received).toHaveLength(before);
      const [hook] = (await ds.query('SELECT last_status FROM webhook WHERE id = $1', [
        row?.id,
      ])) as { last_status: number }[];
      expect(hook?.last_status).toBe(0);
    } finally {
      await strict.close();
      await ds.query('DELETE FROM webhook WHERE id = $1', [row?.id]);
    }
  });

  it('removes a webhook', async () => {
    const list = await owner.client.ok<{ webhooks: { id: string }[] }>(LIST, { p: 'hooks' });
    const id = list.webhooks[0]?.id ?? '';
    expect(await owner.client.ok(REMOVE, { p: 'hooks', id })).toEqual({ removeWebhook: true });
    const after = await owner.client.ok<{ webhooks: { id: string }[] }>(LIST, { p: 'hooks' });
    expect(after.webhooks.map((w) => w.id)).not.toContain(id);
  });
});

/** What a receiver computes (docs/delivery.md): HMAC-SHA256 of `<timestamp>.<body>`. */
function signature(secret: string, r: Received): string {
  const mac = createHmac('sha256', secret).update(`${r.timestamp ?? ''}.${r.body}`);
  return `sha256=${mac.digest('hex')}`;
}
