import { DEFAULT_PARAMS, validateParams, type VotingParams } from '@chorus/voting';
import type { ProjectEntity } from './project.entity';

/** The stored overrides (`project.settings.voting`), or {} when none are set. */
export function votingOverridesOf(
  project: Pick<ProjectEntity, 'settings'>,
): Record<string, unknown> {
  const voting = project.settings['voting'];
  return typeof voting === 'object' && voting !== null && !Array.isArray(voting)
    ? (voting as Record<string, unknown>)
    : {};
}

/**
 * The project's effective voting parameters. Overrides are validated before they are stored, so
 * an invalid set can only come from a hand-edited row; it falls back to the defaults rather than
 * stopping every round of the project.
 */
export function votingParamsOf(project: Pick<ProjectEntity, 'settings'>): VotingParams {
  const result = validateParams(votingOverridesOf(project));
  return result.ok ? result.params : DEFAULT_PARAMS;
}
