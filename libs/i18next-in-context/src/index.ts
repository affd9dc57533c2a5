export {
  chorusInContext,
  type ChorusInContext,
  type ChorusInContextOptions,
  type KeyRegion,
} from './plugin';
export { activation, QUERY_PARAM, STORAGE_KEY } from './enable';
export { strip as stripMarkers, hasMarkers } from './markers';
export type { KeyRef } from './key-map';
export { DEFAULT_MESSAGES, type Messages } from './ui/messages';
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
