/**
 * Node flags of the worker process, wherever it is started (launcher, docker/compose.yml, the
 * benchmarks). A young generation of 64 MB per semi-space instead of V8's 16 MB: an import parses
 * megabytes into short-lived objects, and with the small one most of them outlived several
 * scavenges and were copied into the old generation. Measured on W1's full no-op re-import:
 * worker CPU 7.6 s → 6.6 s, the first import 96 s → 77 s (docs/benchmarks.md).
 */
export const WORKER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
