import { DEFAULT_PARAMS, TUNED_PARAMS, validateParams, type VotingParams } from '@chorus/voting';

const FALLBACK = (() => {
  const tuned = validateParams(TUNED_PARAMS);
  return tuned.ok ? tuned.params : DEFAULT_PARAMS;
})();

/**
 * The voting parameters of a project, as the voting context resolves them: TUNED_PARAMS, then
 * `settings.voting` overrides. Reads never fail on bad settings (the write side validates them);
 * they fall back to the tuned defaults.
 */
export function projectVotingParams(settings: Readonly<Record<string, unknown>>): VotingParams {
  const overrides = settings['voting'];
  if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides)) {
    return FALLBACK;
  }
  const result = validateParams({ ...TUNED_PARAMS, ...(overrides as Record<string, unknown>) });
  return result.ok ? result.params : FALLBACK;
}
