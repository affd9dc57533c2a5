import { createReadStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { type Server, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { viteBuild } from './processes';

const root = resolve(__dirname, '../../../..');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** Builds apps/example with Vite into a throw-away directory. */
export async function buildExample(): Promise<string> {
  const outDir = join(root, 'tmp', `e2e-example-${process.pid}`);
  mkdirSync(outDir, { recursive: true });
  await viteBuild(root, 'apps/example/vite.config.mts', outDir);
  return outDir;
}

export interface ExampleServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves the example build on its own port and forwards /graphql, /bundles and the screenshot
 * endpoints (/api/projects/:slug/screenshots, /api/screenshots/:id) to Chorus, as the
 * example's Vite dev server does: the Host header is kept, so Chorus sees a same-origin page.
 */
export async function serveExample(dist: string, apiBaseUrl: string): Promise<ExampleServer> {
  const api = new URL(apiBaseUrl);
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (
      path === '/graphql' ||
      path.startsWith('/bundles/') ||
      path.startsWith('/api/screenshots/') ||
      /^\/api\/projects\/[^/]+\/screenshots$/.test(path)
    ) {
      const upstream = request(
        {
          host: api.hostname,
          port: api.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.writeHead(502).end());
      req.pipe(upstream);
      return;
    }
    const file = normalize(join(dist, decodeURIComponent(path)));
    const target =
      file.startsWith(dist) && existsSync(file) && statSync(file).isFile()
        ? file
        : join(dist, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream' });
    createReadStream(target).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => {
          rmSync(dist, { recursive: true, force: true });
          done();
        });
      }),
  };
}
