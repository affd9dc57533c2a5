import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '../common/errors/app-error';
import { EnvError, parseEnv } from '../config/env.schema';
import { postPinned } from './webhook-http';
import {
  checkWebhookUrl,
  EMPTY_ALLOW_LIST,
  isPublicAddress,
  parseAllowList,
  resolveWebhookTarget,
  WebhookTargetRefused,
} from './webhook-target';

function refusedAtCreation(url: string): string | null {
  try {
    checkWebhookUrl(url, EMPTY_ALLOW_LIST);
    return null;
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
}

describe('webhook targets: registration', () => {
  it.each([
    'http://127.0.0.1/x',
    'http://localhost:8080/x',
    'http://api.localhost/x',
    'http://[::1]/x',
    'http://[::ffff:127.0.0.1]/x',
    'http://2130706433/x', // decimal 127.0.0.1
    'http://0177.0.0.1/x', // octal
    'http://0x7f.1/x', // hex, short form
    'http://127.1/x',
    'http://0.0.0.0/x',
    'http://10.0.0.8/x',
    'http://192.168.1.1/x',
    'http://172.16.0.1/x',
    'http://169.254.169.254/latest/meta-data/',
    'http://100.100.100.200/x', // CGNAT (a cloud metadata address)
    'http://[fd00:ec2::254]/x',
    'http://[fe80::1]/x',
    'http://224.0.0.1/x',
    'ftp://example.com/x',
    'https://user:pw@example.com/x',
    'not a url',
  ])('refuses %s', (url) => {
    expect(refusedAtCreation(url)).toBe('INVALID_WEBHOOK_URL');
  });

  it('accepts public hosts and normalises them', () => {
    expect(checkWebhookUrl(' https://Hooks.Example.com/chorus ', EMPTY_ALLOW_LIST)).toBe(
      'https://hooks.example.com/chorus',
    );
    expect(checkWebhookUrl('http://93.184.215.14:8080/', EMPTY_ALLOW_LIST)).toBe(
      'http://93.184.215.14:8080/',
    );
  });

  it('accepts an internal target the operator allowed, by address, network or name', () => {
    const allow = parseAllowList(['127.0.0.1', '10.1.0.0/16', 'localhost', '[::1]']);
    expect(checkWebhookUrl('http://2130706433:9/x', allow)).toBe('http://127.0.0.1:9/x');
    expect(checkWebhookUrl('http://10.1.2.3/x', allow)).toBe('http://10.1.2.3/x');
    expect(checkWebhookUrl('http://localhost/x', allow)).toBe('http://localhost/x');
    expect(checkWebhookUrl('http://[::1]/x', allow)).toBe('http://[::1]/x');
    expect(() => checkWebhookUrl('http://10.2.0.1/x', allow)).toThrow(AppError);
  });
});

describe('webhook targets: addresses', () => {
  it.each([
    ['8.8.8.8', true],
    ['2606:4700:4700::1111', true],
    ['127.0.0.1', false],
    ['::1', false],
    ['::', false],
    ['::ffff:10.0.0.1', false],
    ['64:ff9b::a00:1', false], // NAT64 of 10.0.0.1
    ['2002:7f00:1::', false], // 6to4 of 127.0.0.1
    ['fc00::1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['255.255.255.255', false],
    ['not-an-ip', false],
  ])('%s is public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe('webhook targets: send-time resolution', () => {
  const resolvesTo =
    (...addresses: string[]) =>
    () =>
      Promise.resolve(
        addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
      );

  it('refuses a name that resolves to loopback, private or metadata addresses', async () => {
    for (const address of ['127.0.0.1', '10.0.0.5', '169.254.169.254', '::1']) {
      await expect(
        resolveWebhookTarget(
          new URL('http://rebind.example/x'),
          EMPTY_ALLOW_LIST,
          resolvesTo(address),
        ),
      ).rejects.toBeInstanceOf(WebhookTargetRefused);
    }
  });

  it('refuses a name with one public and one private record', async () => {
    await expect(
      resolveWebhookTarget(
        new URL('http://mixed.example/x'),
        EMPTY_ALLOW_LIST,
        resolvesTo('93.184.215.14', '127.0.0.1'),
      ),
    ).rejects.toBeInstanceOf(WebhookTargetRefused);
  });

  it('refuses a name that does not resolve', async () => {
    await expect(
      resolveWebhookTarget(new URL('http://nowhere.example/x'), EMPTY_ALLOW_LIST, () =>
        Promise.reject(new Error('ENOTFOUND')),
      ),
    ).rejects.toBeInstanceOf(WebhookTargetRefused);
  });

  it('returns the checked public address, and an allowed network address', async () => {
    await expect(
      resolveWebhookTarget(
        new URL('https://hooks.example/x'),
        EMPTY_ALLOW_LIST,
        resolvesTo('93.184.215.14'),
      ),
    ).resolves.toEqual({ address: '93.184.215.14', family: 4 });
    await expect(
      resolveWebhookTarget(
        new URL('http://hooks.internal/x'),
        parseAllowList(['10.0.0.0/8']),
        resolvesTo('10.0.0.5'),
      ),
    ).resolves.toEqual({ address: '10.0.0.5', family: 4 });
  });
});

describe('webhook targets: the connection uses the checked address', () => {
  let server: Server;
  let port: number;
  const hosts: (string | undefined)[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      hosts.push(req.headers.host);
      req.resume();
      res.statusCode = 204;
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise((r) => server.close(r)));

  it('connects to the pinned address without resolving the name again', async () => {
    // `chorus-rebind.invalid` resolves nowhere (RFC 6761): the request can only arrive because the
    // socket connects to the address handed in, which is what defeats DNS rebinding.
    const url = new URL(`http://chorus-rebind.invalid:${port}/hook`);
    const status = await postPinned(url, { address: '127.0.0.1', family: 4 }, {}, '{}', 5_000);
    expect(status).toBe(204);
    expect(hosts).toEqual([`chorus-rebind.invalid:${port}`]);
  });
});

describe('webhook settings at start-up', () => {
  const base = { DATABASE_URL: 'postgres://x@h/db' };

  it('reads WEBHOOK_ALLOWED_HOSTS (names, addresses, CIDRs) and WEBHOOKS_PER_PROJECT', () => {
    const config = parseEnv({
      ...base,
      WEBHOOK_ALLOWED_HOSTS: 'Hooks.Internal, 10.0.0.0/8,[::1]',
      WEBHOOKS_PER_PROJECT: '3',
    });
    expect(config.webhookAllowedHosts).toEqual(['hooks.internal', '10.0.0.0/8', '[::1]']);
    expect(config.webhookMaxPerProject).toBe(3);
    expect(parseEnv(base)).toMatchObject({ webhookAllowedHosts: [], webhookMaxPerProject: 10 });
  });

  it('refuses an entry that is neither a host name, an address nor a CIDR', () => {
    expect(() => parseEnv({ ...base, WEBHOOK_ALLOWED_HOSTS: 'http://x/' })).toThrow(EnvError);
    expect(() => parseEnv({ ...base, WEBHOOK_ALLOWED_HOSTS: '10.0.0.0/99' })).toThrow(EnvError);
  });
});
