/**
 * The end of every budgeted public read's schema description (`@RateLimited('reads')`), so API
 * clients see the limit where they see the query.
 */
export const READ_BUDGET =
  'Counts against the read budget: RATE_LIMIT_READS per user, or per IP when signed out, per minute (RATE_LIMITED).';
