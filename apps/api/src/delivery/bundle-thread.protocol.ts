// Messages between BundleThread (the worker's main thread) and bundle-build.thread.ts.
import type { BuildNamespace, LocaleBuild, NamespaceBundle } from './locale-bundles';

/**
 * A build session: `open` hands the thread the build's source strings once (COPY's text
 * format, parsed there), each `build` one locale's winners, `close` drops the session.
 */
export type ThreadRequest =
  | {
      readonly id: number;
      readonly type: 'open';
      readonly session: number;
      /** copySources' bytes (COPY text format), parsed there. */
      readonly sources: Uint8Array;
      readonly namespaces: readonly BuildNamespace[];
    }
  | {
      readonly id: number;
      readonly type: 'build';
      readonly session: number;
      /** copyWinners' bytes for the locale (empty for the source locale). */
      readonly winners: Uint8Array;
      readonly locale: Omit<LocaleBuild, 'winners'>;
    }
  | { readonly id: number; readonly type: 'close'; readonly session: number };

export type ThreadReply =
  | { readonly id: number; readonly ok: true; readonly bundles?: readonly NamespaceBundle[] }
  | { readonly id: number; readonly ok: false; readonly message: string };

/**
 * The thread's nice value: a rebuild is background work, and on a busy machine (a close storm on
 * two cores) it now yields the CPU to the queue work beside it instead of taking a fair share. Its
 * builds then take longer, and REBUILD_SPACING, counted in build durations, spaces them further.
 * On Linux a nice value belongs to one thread, so only this one is lowered; elsewhere it would
 * lower the whole process, so it is left alone there.
 */
export const BUILD_NICE = 10;
