/** The GraphQL client alone (no DOM): `@chorus/i18next-in-context/client`, for scripts and tests. */
export {
  ChorusApiError,
  ChorusClient,
  type Candidate,
  type CandidateList,
  type ChorusString,
  type FetchLike,
  type Form,
  type GlossaryHit,
} from './api-client';
