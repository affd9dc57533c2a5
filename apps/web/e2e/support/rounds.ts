import { Client } from 'pg';
import { E2E_WAIT_MS } from './browser';

/**
 * Ends the strings' collecting rounds now, as their timers would at the deadline: the deadline
 * moves into the past and the worker's sweep (ROUND_SWEEP_MS, short in global-setup) closes them.
 */
export async function closeRoundsNow(
  databaseUrl: string,
  stringIds: readonly string[],
): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(
      `UPDATE round SET deadline = now() - interval '1 millisecond'
        WHERE state = 'COLLECTING'
          AND unit_id IN (SELECT id FROM translation_unit WHERE string_id = ANY($1::uuid[]))`,
      [stringIds],
    );
  } finally {
    await db.end();
  }
}

/** Polls `read` until `done` holds (a deadline guards against a hang; no fixed sleeps). */
export async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = E2E_WAIT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
