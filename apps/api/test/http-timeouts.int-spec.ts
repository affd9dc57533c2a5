import { connect, type Socket } from 'node:net';
import { flushQueueKeys, startApi, testConfig, type RunningApi } from './support/test-app';

/** A raw TCP client: what it received, and a promise of the server closing the connection. */
interface RawClient {
  readonly socket: Socket;
  received(): string;
  /** Resolves when the server ends the connection, with ms since `openRaw`. */
  readonly closed: Promise<number>;
}

function openRaw(baseUrl: string): Promise<RawClient> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), hostname);
    const closed = new Promise<number>((resolveClosed) => {
      socket.on('close', () => resolveClosed(Date.now() - started));
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.once('error', reject);
    socket.once('connect', () =>
      resolve({ socket, closed, received: () => Buffer.concat(chunks).toString('latin1') }),
    );
  });
}

/** Resolves once `client` has received `count` complete responses to GET /health. */
function responses(client: RawClient, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if ((client.received().match(/\r\n\r\n\{"status"[^}]*\}/g) ?? []).length < count) return;
      client.socket.off('data', check);
      resolve();
    };
    client.socket.on('data', check);
    client.socket.once('close', () => reject(new Error(`closed after: ${client.received()}`)));
    check();
  });
}

const HEALTH = 'GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n';

describe('HTTP server timeouts: slow and idle clients (real API)', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi(
      testConfig({
        HTTP_KEEP_ALIVE_TIMEOUT_MS: '1000',
        HTTP_HEADERS_TIMEOUT_MS: '1000',
        HTTP_REQUEST_TIMEOUT_MS: '2000',
      }),
    );
  });

  afterAll(async () => {
    await api.close();
    await flushQueueKeys(api.config);
  });

  it('answers 408 and closes a connection whose headers stall', async () => {
    const client = await openRaw(api.baseUrl);
    client.socket.write('POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: applic');
    const after = await client.closed;
    expect(client.received()).toMatch(/^HTTP\/1\.1 408 /);
    // Not a timing test: with Node's default 30 s checking interval this would take 30 s.
    expect(after).toBeGreaterThanOrEqual(900);
    expect(after).toBeLessThan(20_000);
  });

  it('closes a connection that never sends a request', async () => {
    const client = await openRaw(api.baseUrl);
    const after = await client.closed;
    expect(after).toBeGreaterThanOrEqual(900);
    expect(after).toBeLessThan(20_000);
    expect(client.received()).not.toMatch(/^HTTP\/1\.1 200 /);
  });

  it('closes a request whose body trickles in past the request timeout', async () => {
    const client = await openRaw(api.baseUrl);
    client.socket.write(
      'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
        'apollo-require-preflight: 1\r\nContent-Length: 100000\r\n\r\n{"query":"',
    );
    // One byte every 100 ms: never idle long enough for anything but the request timeout.
    const drip = setInterval(() => {
      if (!client.socket.destroyed) client.socket.write(' ');
    }, 100);
    try {
      const after = await client.closed;
      expect(after).toBeGreaterThanOrEqual(1_900);
      expect(after).toBeLessThan(30_000);
      expect(client.received()).toMatch(/^HTTP\/1\.1 408 /);
    } finally {
      clearInterval(drip);
    }
  });

  it('keeps a connection for further requests, then closes it once idle past the keep-alive timeout', async () => {
    const client = await openRaw(api.baseUrl);
    client.socket.write(HEALTH);
    await responses(client, 1);
    client.socket.write(HEALTH);
    await responses(client, 2);
    const answered = Date.now();
    await client.closed;
    expect(Date.now() - answered).toBeGreaterThanOrEqual(900);
    expect(client.received().match(/HTTP\/1\.1 200 /g)).toHaveLength(2);
  });

  it("gives Node's server the configured timeouts", () => {
    const server = api.app.getHttpServer() as {
      keepAliveTimeout: number;
      headersTimeout: number;
      requestTimeout: number;
    };
    expect([server.keepAliveTimeout, server.headersTimeout, server.requestTimeout]).toEqual([
      1_000, 1_000, 2_000,
    ]);
  });
});
