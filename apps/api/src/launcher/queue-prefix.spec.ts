import { parseEnv } from '../config/env.schema';
import { defaultQueuePrefix } from './queue-prefix';

describe('the default queue prefix of npm start', () => {
  it('differs between data directories and is stable for one', () => {
    const a = defaultQueuePrefix('/srv/one/.chorus');
    expect(a).toMatch(/^chorus_[0-9a-f]{10}$/);
    expect(defaultQueuePrefix('/srv/one/.chorus')).toBe(a);
    expect(defaultQueuePrefix('/srv/two/.chorus')).not.toBe(a);
  });

  it('differs between databases but not between passwords of one database', () => {
    const a = defaultQueuePrefix('postgres://app:secret@db.internal:5432/chorus');
    expect(defaultQueuePrefix('postgres://app:rotated@db.internal:5432/chorus')).toBe(a);
    expect(defaultQueuePrefix('postgres://app:secret@db.internal:5432/chorus_b')).not.toBe(a);
    expect(a).not.toContain('secret');
  });

  it('is a valid QUEUE_PREFIX', () => {
    const prefix = defaultQueuePrefix('/srv/one/.chorus');
    const config = parseEnv({ DATABASE_URL: 'postgres://x@h/db', QUEUE_PREFIX: prefix });
    expect(config.queuePrefix).toBe(prefix);
  });
});
