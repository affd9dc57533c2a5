import { DEFAULT_PARAMS, TUNED_PARAMS, validateParams, type VotingParams } from '@chorus/voting';

type Settings = Readonly<Record<string, unknown>> | null | undefined;

/** The stored overrides (`project.settings.voting`), or {} when none are set. */
export function votingOverridesOf(settings: Settings): Record<string, unknown> {
  const voting = settings?.['voting'];
  return typeof voting === 'object' && voting !== null && !Array.isArray(voting)
    ? (voting as Record<string, unknown>)
    : {};
}

/**
 * Checks overrides the way they will be used: on top of the tuned preset (docs/decisions.md), so
 * a set accepted here always resolves when a round opens.
 */
export function checkVotingOverrides(overrides: Record<string, unknown>) {
  return validateParams({ ...TUNED_PARAMS, ...overrides });
}

const TUNED = (() => {
  const tuned = checkVotingOverrides({});
  return tuned.ok ? tuned.params : DEFAULT_PARAMS;
})();

/**
 * A project's effective voting parameters, the one definition every context uses: the tuned
 * preset under the project's overrides. Overrides are checked before they are stored, so an
 * invalid set can only come from a hand-edited row; it falls back to the preset rather than
 * stopping every round of the project.
 */
export function votingParamsOf(settings: Settings): VotingParams {
  const result = checkVotingOverrides(votingOverridesOf(settings));
  return result.ok ? result.params : TUNED;
}
