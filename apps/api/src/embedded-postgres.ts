/**
 * Runs an embedded PostgreSQL until told to stop, as its own process: `npm start` and the tests
 * start it detached (so a terminal's Ctrl-C reaches the API and worker first, and the database
 * stops last) and connected by IPC (so it also stops if its parent dies).
 * Prints one JSON line `{"url": "..."}` on stdout once the server accepts connections.
 *   node dist/apps/api/embedded-postgres.js --data-dir DIR --port N [--database NAME]
 */
import { parseArgs } from 'node:util';
import { startEmbeddedPostgres } from './launcher/embedded-postgres';

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
    process.stderr.write('usage: embedded-postgres --data-dir DIR --port N [--database NAME]\n');
    process.exit(1);
  }
  const server = await startEmbeddedPostgres({
    dataDir,
    port,
    database: values.database ?? 'postgres',
  });
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void server.stop().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `embedded-postgres: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
