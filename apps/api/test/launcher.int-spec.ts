import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../../..');

function launch(env: Record<string, string>) {
  return spawnSync(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/launcher.ts'], {
    cwd: root,
    env: { PATH: process.env['PATH'] ?? '', SWC_NODE_PROJECT: 'apps/api/tsconfig.json', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('npm start launcher', () => {
  it('exits 1 with one line naming DATABASE_URL when it is malformed', () => {
    const result = launch({ DATABASE_URL: 'mysql://nope' });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'chorus: Invalid environment: DATABASE_URL must use postgres: or postgresql: (got "mysql:" in "mysql://nope")\n',
    );
  });

  it('exits 1 with one line when the database cannot be reached', () => {
    const result = launch({
      DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none',
      QUEUE_BACKEND: 'postgres',
      PORT: '39917',
    });
    expect(result.status).toBe(1);
    const lines = result.stderr
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('chorus:'));
    expect(lines[0]).toMatch(/^chorus: Database migration failed: .*ECONNREFUSED/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
