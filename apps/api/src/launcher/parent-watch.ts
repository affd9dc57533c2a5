/**
 * Preloaded (`node -r`) into the API and worker that `npm start` runs. The launcher gives each
 * child an IPC channel; the operating system closes it when the launcher ends for any reason,
 * SIGKILL and crashes included, which no signal handler in the launcher could cover. The child
 * then stops itself with SIGTERM, so Nest's shutdown hooks finish the current job and close the
 * port, and exits regardless after a grace period.
 */
const GRACE_MS = 10_000;

if (typeof process.send === 'function') {
  // The channel must not keep an otherwise finished process alive.
  process.channel?.unref();
  process.once('disconnect', () => {
    setTimeout(() => process.exit(1), GRACE_MS).unref();
    process.kill(process.pid, 'SIGTERM');
  });
}

export {};
