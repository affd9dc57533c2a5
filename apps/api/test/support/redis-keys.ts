import { Redis } from 'ioredis';

/**
 * Deletes the Redis keys that match `pattern` (a SCAN pattern, e.g. `chorus_test_42:*`), in pages:
 * what a test run or a benchmark leaves under its own prefix (Redis keeps them otherwise, and a
 * developer's Redis may keep them on disk).
 */
export async function deleteRedisKeys(redisUrl: string, pattern: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
