// Where an open loop's slowest requests lie in time: a few stalls, or spread one by one.

export interface TailShape {
  /** Requests whose latency reached the threshold (the phase's p99). */
  readonly slow: number;
  /** Groups of slow requests whose spans (due → answered) overlap or touch. */
  readonly stalls: number;
  /** The longest group's span (first due → last answered), in ms. */
  readonly longestMs: number;
  /** Slow requests in that group. */
  readonly inLongest: number;
}

/**
 * Groups the requests of an open loop that took `threshold` ms or more by their spans (`dueAt[i]`
 * to `dueAt[i] + latency[i]`), merged where they overlap. When the server pauses (a GC, a
 * VACUUM, another tenant taking the cores), every request due during the pause is late together:
 * the slow ones form a few long groups. When slow requests owe their time to their own work, they
 * lie apart, one group each. A p99 set by a handful of stalls (that the floor's run shows too) is
 * the host's; one spread over the phase is the request's.
 */
export function tailShape(
  dueAt: Float64Array,
  latency: Float64Array,
  threshold: number,
): TailShape {
  const spans: { from: number; to: number }[] = [];
  for (let i = 0; i < latency.length; i += 1) {
    const ms = latency[i] ?? 0;
    const due = dueAt[i] ?? 0;
    if (ms >= threshold) spans.push({ from: due, to: due + ms });
  }
  spans.sort((a, b) => a.from - b.from);
  let stalls = 0;
  let longestMs = 0;
  let inLongest = 0;
  let from = 0;
  let to = -Infinity;
  let count = 0;
  const close = () => {
    if (count === 0) return;
    stalls += 1;
    if (to - from > longestMs || (to - from === longestMs && count > inLongest)) {
      longestMs = to - from;
      inLongest = count;
    }
  };
  for (const span of spans) {
    if (span.from <= to) {
      to = Math.max(to, span.to);
      count += 1;
      continue;
    }
    close();
    from = span.from;
    to = span.to;
    count = 1;
  }
  close();
  return { slow: spans.length, stalls, longestMs, inLongest };
}

/** "the 66 slowest: 3 stalls, the longest 120 ms with 41 of them", for the open-loop lines. */
export function fmtTail(tail: TailShape | undefined): string {
  if (tail === undefined || tail.slow === 0) return 'no slow tail';
  const stalls = `${tail.stalls} stall${tail.stalls === 1 ? '' : 's'}`;
  return `the ${tail.slow} slowest: ${stalls}, the longest ${Math.round(tail.longestMs)} ms with ${tail.inLongest} of them`;
}
