import { MAX_SKIPPED, nextStringArgsProblems } from './translation-query.args';

const ID = '0b7f4a52-6a0e-4f43-9d7c-2f3f3b8a1c11';

describe('nextStringArgsProblems', () => {
  it('accepts what the schema allows within the limits', () => {
    expect(nextStringArgsProblems({ project: 'shop', locale: 'de', skip: null })).toEqual([]);
    expect(nextStringArgsProblems({ project: 'shop', locale: 'pt-BR', skip: [ID] })).toEqual([]);
    const full = Array.from({ length: MAX_SKIPPED }, () => ID);
    expect(nextStringArgsProblems({ project: 'p'.repeat(63), locale: 'de', skip: full })).toEqual(
      [],
    );
  });

  it('names each broken limit', () => {
    expect(nextStringArgsProblems({ project: '', locale: 'd', skip: ['nope'] })).toEqual([
      'project must be longer than or equal to 1 and shorter than or equal to 63 characters',
      'locale must be longer than or equal to 2 and shorter than or equal to 35 characters',
      'each value in skip must be a UUID',
    ]);
    expect(
      nextStringArgsProblems({ project: 'p'.repeat(64), locale: 'x'.repeat(36), skip: [] }),
    ).toHaveLength(2);
    const tooMany = Array.from({ length: MAX_SKIPPED + 1 }, () => ID);
    expect(nextStringArgsProblems({ project: 'shop', locale: 'de', skip: tooMany })).toEqual([
      `skip must contain no more than ${MAX_SKIPPED} elements`,
    ]);
  });
});
