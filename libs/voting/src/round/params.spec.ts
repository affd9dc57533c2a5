import {
  DEFAULT_PARAMS,
  InvalidParamsError,
  resolveParams,
  TUNED_PARAMS,
  validateParams,
} from './params';

describe('voting parameters', () => {
  it('defaults are the C1 values', () => {
    expect(DEFAULT_PARAMS).toMatchObject({
      z: 1.96,
      quorum: 3,
      minVotes: 3,
      minScore: 0.5,
      minMargin: 0.1,
      duration: 7 * 86_400_000,
      minDuration: 86_400_000,
      earlyScore: 0.7,
      earlyMargin: 0.2,
      maxExtensions: 1,
      extension: 7 * 86_400_000,
      reopenMargin: 0.1,
      reopenCooldown: 86_400_000,
      badUB: 0.5,
      wMin: 0.1,
      alpha: 2,
      beta: 2,
    });
    expect(validateParams()).toEqual({ ok: true, params: DEFAULT_PARAMS });
  });

  it('the simulator-tuned preset is a valid parameter set', () => {
    expect(validateParams(TUNED_PARAMS).ok).toBe(true);
  });

  it('accepts valid overrides', () => {
    expect(resolveParams({ quorum: 5, minScore: 0.6, earlyScore: 0.8 })).toMatchObject({
      quorum: 5,
    });
  });

  it('reports every invalid parameter with a typed error', () => {
    const r = validateParams({ quorum: 2.5, minScore: -0.1, wMin: 0 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues.map((i) => i.param)).toEqual(['quorum', 'minScore', 'wMin']);
  });

  it('checks relations between parameters', () => {
    const r = validateParams({ minDuration: 8 * 86_400_000, earlyScore: 0.4 });
    expect(!r.ok && r.issues.map((i) => i.param)).toEqual(['minDuration', 'earlyScore']);
  });

  it('rejects unknown keys and non-numbers', () => {
    expect(() => resolveParams({ quorum: '3', nope: 1 } as never)).toThrow(InvalidParamsError);
    try {
      resolveParams({ z: Number.NaN });
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidParamsError);
      expect((e as InvalidParamsError).code).toBe('INVALID_PARAMS');
      expect((e as InvalidParamsError).message).toBe(
        'Invalid voting parameters: z must be a finite number',
      );
    }
  });
});
