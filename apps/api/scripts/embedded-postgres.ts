/**
 * Runs an embedded PostgreSQL until SIGTERM/SIGINT, for tests and the test runner on machines
 * without one. Prints one JSON line `{"url": "..."}` on stdout once the server accepts connections.
 *   node -r @swc-node/register apps/api/scripts/embedded-postgres.ts --data-dir DIR --port N --database NAME
 */
import { parseArgs } from 'node:util';
import { startEmbeddedPostgres } from '../src/launcher/embedded-postgres';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      database: { type: 'string', default: 'postgres' },
    },
  });
  const dataDir = values['data-dir'];
  const port = Number(values.port);
  if (dataDir === undefined || !Number.isInteger(port)) {
    process.stderr.write('usage: embedded-postgres.ts --data-dir DIR --port N [--database NAME]\n');
    process.exit(1);
  }
  const server = await startEmbeddedPostgres({
    dataDir,
    port,
    database: values.database ?? 'postgres',
  });
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
  const stop = () => {
    void server.stop().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `embedded-postgres: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
