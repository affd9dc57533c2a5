import { DEFAULT_PARAMS } from '@chorus/voting';
import { votesNeeded } from './votes-needed';

const now = Date.UTC(2026, 11, 2);
const up = (candidateId: string, voterId: string) => ({ candidateId, voterId, value: 1 });
const down = (candidateId: string, voterId: string) => ({ candidateId, voterId, value: -1 });

describe('votesNeeded', () => {
  it('a team of three (author + two): two upvotes are enough, so one vote in means one more', () => {
    expect(votesNeeded(DEFAULT_PARAMS, 3, [], now)).toBe(2);
    expect(votesNeeded(DEFAULT_PARAMS, 3, [up('a', 'v1')], now)).toBe(1);
    expect(votesNeeded(DEFAULT_PARAMS, 3, [up('a', 'v1'), up('a', 'v2')], now)).toBe(0);
  });

  it('a big crowd needs the full quorum and upvoters on the leader (the larger gap)', () => {
    // quorum 3 reached by three voters, but the leader has one upvote: 2 more upvoters.
    const votes = [up('a', 'v1'), down('a', 'v2'), up('b', 'v3')];
    expect(votesNeeded(DEFAULT_PARAMS, 40, votes, now)).toBe(2);
  });

  it('counts a voter once however many candidates they voted on', () => {
    expect(votesNeeded(DEFAULT_PARAMS, 40, [up('a', 'v1'), down('b', 'v1')], now)).toBe(2);
  });

  it('never goes below zero', () => {
    const votes = ['v1', 'v2', 'v3', 'v4'].map((v) => up('a', v));
    expect(votesNeeded(DEFAULT_PARAMS, 40, votes, now)).toBe(0);
  });
});
