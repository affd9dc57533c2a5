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

  it("in a small team counts each author's own candidate as an upvote, unless they upvoted a rival", () => {
    const authors = [
      { candidateId: 'a', authorId: 'ann', endorses: true },
      { candidateId: 'b', authorId: 'bob', endorses: true },
    ];
    // Three people: Ann's and Bob's endorsements make two voters, one upvote each: 1 more.
    expect(votesNeeded(DEFAULT_PARAMS, 3, [], now, authors)).toBe(1);
    // Cat backs Ann: two upvoters on the leader, three voters.
    expect(votesNeeded(DEFAULT_PARAMS, 3, [up('a', 'cat')], now, authors)).toBe(0);
    // Bob concedes by upvoting Ann's: his own endorsement goes, his upvote counts on Ann's.
    expect(votesNeeded(DEFAULT_PARAMS, 3, [up('a', 'bob')], now, authors)).toBe(0);
    // An import (no community author) endorses nothing.
    expect(
      votesNeeded(DEFAULT_PARAMS, 3, [], now, [
        { candidateId: 'a', authorId: 'dev', endorses: false },
      ]),
    ).toBe(2);
  });

  it('in a big crowd authors do not endorse', () => {
    const authors = [{ candidateId: 'a', authorId: 'ann', endorses: true }];
    expect(votesNeeded(DEFAULT_PARAMS, 40, [], now, authors)).toBe(3);
  });
});
