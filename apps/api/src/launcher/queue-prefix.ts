import { createHash } from 'node:crypto';

/**
 * The queue prefix `npm start` uses when QUEUE_PREFIX is unset: `chorus_` and a short hash of
 * what identifies the data (the embedded database's directory, or the database URL without its
 * password), so two instances on one machine sharing a Redis never see each other's jobs, and one
 * instance keeps its prefix across restarts.
 */
export function defaultQueuePrefix(dataIdentity: string): string {
  let identity = dataIdentity;
  try {
    const url = new URL(dataIdentity);
    if (url.protocol === 'postgres:' || url.protocol === 'postgresql:') {
      url.password = '';
      url.username = '';
      identity = `${url.host}${url.pathname}`;
    }
  } catch {
    // a directory path
  }
  return `chorus_${createHash('sha256').update(identity).digest('hex').slice(0, 10)}`;
}
