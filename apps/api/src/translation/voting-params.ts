import { DEFAULT_PARAMS, validateParams, type VotingParams } from '@chorus/voting';

/**
 * The voting parameters of a project: `settings.voting` overrides on the C1 defaults. Reads never
 * fail on bad settings (the write side validates them); they fall back to the defaults.
 */
export function projectVotingParams(settings: Readonly<Record<string, unknown>>): VotingParams {
  const overrides = settings['voting'];
  if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides)) {
    return DEFAULT_PARAMS;
  }
  const result = validateParams(overrides as Record<string, unknown>);
  return result.ok ? result.params : DEFAULT_PARAMS;
}
