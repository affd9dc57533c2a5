import { EXIT, run, type CliIo } from './program';
import { VERSION } from './version';

function io(fetchImpl: typeof fetch = () => Promise.reject(new Error('ECONNREFUSED'))) {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: {},
    fetch: fetchImpl,
  };
  return { value, out, err };
}

describe('chorus command line', () => {
  it('prints its version', async () => {
    const { value, out } = io();
    await expect(run(['--version'], value)).resolves.toBe(EXIT.ok);
    expect(out.join('')).toBe(`${VERSION}\n`);
  });

  it('prints help listing its commands', async () => {
    const { value, out } = io();
    await expect(run(['--help'], value)).resolves.toBe(EXIT.ok);
    expect(out.join('')).toContain('Usage: chorus');
    expect(out.join('')).toContain('health');
  });

  it('exits 1 on an unknown command', async () => {
    const { value, err } = io();
    await expect(run(['frobnicate'], value)).resolves.toBe(EXIT.usage);
    expect(err.join('')).toContain("unknown command 'frobnicate'");
  });

  it('exits 4 with a clear message when the server is unreachable', async () => {
    const { value, err } = io();
    await expect(run(['--url', 'http://127.0.0.1:9', 'health'], value)).resolves.toBe(EXIT.server);
    expect(err.join('')).toBe('chorus: cannot reach http://127.0.0.1:9: ECONNREFUSED\n');
  });

  it('reports a healthy server, as JSON when asked', async () => {
    const body = { status: 'ok', postgres: 'up', queue: 'up' };
    const { value, out } = io(() =>
      Promise.resolve(new Response(JSON.stringify(body), { status: 200 })),
    );
    await expect(run(['--json', 'health'], value)).resolves.toBe(EXIT.ok);
    expect(JSON.parse(out.join(''))).toEqual(body);
  });
});
