/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Chorus's URL; empty: this origin (the dev server and the e2e server forward to Chorus). */
  readonly VITE_CHORUS_API?: string;
  /** Project slug in Chorus (default `example`). */
  readonly VITE_CHORUS_PROJECT?: string;
  /** `false` leaves in-context translation out of this build. */
  readonly VITE_CHORUS_IN_CONTEXT?: string;
}
