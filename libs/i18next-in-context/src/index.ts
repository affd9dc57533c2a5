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
