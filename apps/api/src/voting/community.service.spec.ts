import { DEFAULT_PARAMS } from '@chorus/voting';
import type { EntityManager } from 'typeorm';
import { CommunityService, type CommunityKey } from './community.service';

const KEY: CommunityKey = { projectId: 'p1', localeId: 'l1', localeCode: 'pl' };
const NOW = Date.UTC(2026, 11, 1);

/** A transaction's manager whose member query answers when the test says so. */
function gatedManager(answer: Promise<{ rows: unknown[] }>): {
  manager: EntityManager;
  calls: () => number;
} {
  let calls = 0;
  const client = {
    query: () => {
      calls += 1;
      return answer;
    },
  };
  const manager = { queryRunner: { connect: () => Promise.resolve(client) } };
  return { manager: manager as unknown as EntityManager, calls: () => calls };
}

const member = {
  id: 'u1',
  created_at: new Date(NOW - 86_400_000 * 400),
  agree: 3,
  disagree: 1,
  partners: [],
};

describe('CommunityService', () => {
  it('shares one read between close batches that miss the cache together', async () => {
    let answer!: (rows: { rows: unknown[] }) => void;
    const gate = gatedManager(new Promise((resolve) => (answer = resolve)));
    const service = new CommunityService();
    const first = service.communityOf(gate.manager, KEY, DEFAULT_PARAMS, NOW);
    const second = service.communityOf(gate.manager, KEY, DEFAULT_PARAMS, NOW);
    answer({ rows: [member] });
    const [a, b] = await Promise.all([first, second]);
    expect(gate.calls()).toBe(1);
    expect(b).toBe(a);
    expect(a.activeMembers).toBe(1);
  });

  it('reads again when the shared read failed (its transaction rolled back)', async () => {
    let fail!: (error: Error) => void;
    const failing = gatedManager(new Promise((_, reject) => (fail = reject)));
    const working = gatedManager(Promise.resolve({ rows: [member] }));
    const service = new CommunityService();
    const first = service.communityOf(failing.manager, KEY, DEFAULT_PARAMS, NOW);
    const second = service.communityOf(working.manager, KEY, DEFAULT_PARAMS, NOW);
    fail(new Error('canceling statement due to lock timeout'));
    await expect(first).rejects.toThrow('lock timeout');
    expect((await second).activeMembers).toBe(1);
    expect(working.calls()).toBe(1);
  });

  it('reads again once the entry is older than its time to live', async () => {
    const gate = gatedManager(Promise.resolve({ rows: [member] }));
    const service = new CommunityService();
    await service.communityOf(gate.manager, KEY, DEFAULT_PARAMS, NOW);
    await service.communityOf(gate.manager, KEY, DEFAULT_PARAMS, NOW + 1_000);
    expect(gate.calls()).toBe(1);
    await service.communityOf(gate.manager, KEY, DEFAULT_PARAMS, NOW + 61_000);
    expect(gate.calls()).toBe(2);
  });
});
