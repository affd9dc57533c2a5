/**
 * Node flags of the API and worker processes, wherever they are started (launcher, docker/, the
 * benchmarks). A young generation of 64 MB per semi-space instead of V8's 16 MB:
 * - the worker: an import parses megabytes into short-lived objects, and with the small one most
 *   of them outlived several scavenges and were copied into the old generation. W1's full no-op
 *   re-import: worker CPU 7.6 s → 6.6 s, the first import 96 s → 77 s.
 * - the API: a few hundred requests in flight keep their parse trees, contexts and rows alive
 *   across a 16 MB scavenge. W2 and W5, alternated twice: a quarter as many scavenges, GC time
 *   halved, API CPU per vote 0.56–0.62 → 0.49–0.51 ms (docs/benchmarks.md, fifteenth pass).
 */
export const NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
