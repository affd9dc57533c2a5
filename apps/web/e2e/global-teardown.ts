/** Stops what global-setup.ts started (API, worker) and drops the throw-away database. */
const TEARDOWN = Symbol.for('chorus.e2e.teardown');
type WithTeardown = typeof globalThis & { [TEARDOWN]?: () => Promise<void> };

export default async function globalTeardown(): Promise<void> {
  const teardown = (globalThis as WithTeardown)[TEARDOWN];
  delete (globalThis as WithTeardown)[TEARDOWN];
  await teardown?.();
}
