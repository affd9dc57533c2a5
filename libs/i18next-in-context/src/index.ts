export {
  chorusInContext,
  type ChorusInContext,
  type ChorusInContextOptions,
  type KeyRegion,
} from './plugin';
export { activation, QUERY_PARAM, STORAGE_KEY } from './enable';
export {
  captureScreenshot,
  clipRegions,
  MAX_UPLOAD_REGIONS,
  type CaptureOptions,
  type ScreenRegion,
  type UploadRegion,
} from './screenshot';
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
  type ScreenshotRegion,
} from './api-client';
