import { badgesFor, type BadgeFacts } from './badges';

const NOBODY: BadgeFacts = {
  accepted: 0,
  agree: 0,
  disagree: 0,
  reliability: 0.5,
  evaluatedVotes: 0,
  translations: 0,
};

describe('badgesFor', () => {
  it('gives nothing to someone who has done nothing', () => {
    expect(badgesFor(NOBODY)).toEqual([]);
  });

  it('gives FIRST_TRANSLATION for one candidate, FIRST_WIN for one winner', () => {
    expect(badgesFor({ ...NOBODY, translations: 1 })).toEqual(['FIRST_TRANSLATION']);
    expect(badgesFor({ ...NOBODY, translations: 1, accepted: 1 })).toEqual([
      'FIRST_TRANSLATION',
      'FIRST_WIN',
    ]);
  });

  it('gives TEN_WINS at exactly ten winners, not nine', () => {
    expect(badgesFor({ ...NOBODY, accepted: 9 })).toEqual(['FIRST_WIN']);
    expect(badgesFor({ ...NOBODY, accepted: 10 })).toEqual(['FIRST_WIN', 'TEN_WINS']);
  });

  it('gives HUNDRED_AGREEING_VOTES at agree ≥ 100 (gold units count double)', () => {
    expect(badgesFor({ ...NOBODY, agree: 99.5 })).not.toContain('HUNDRED_AGREEING_VOTES');
    expect(badgesFor({ ...NOBODY, agree: 100 })).toContain('HUNDRED_AGREEING_VOTES');
  });

  it('gives CAREFUL_VOTER only for reliability ≥ 0.8 on at least 20 evaluated votes', () => {
    const careful = { ...NOBODY, agree: 20, reliability: 22 / 24, evaluatedVotes: 20 };
    expect(badgesFor(careful)).toEqual(['CAREFUL_VOTER']);
    expect(badgesFor({ ...careful, evaluatedVotes: 19 })).toEqual([]);
    expect(badgesFor({ ...careful, reliability: 0.79 })).toEqual([]);
  });
});
