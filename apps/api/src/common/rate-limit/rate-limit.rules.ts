/**
 * Every throttle the API applies, in one table. Points come from the environment
 * (RATE_LIMIT_*, see env.schema.ts); windows and block times are fixed here, since they are
 * part of the policy, not of a deployment's size.
 */
export type RateLimitName =
  | 'signInFailsPerIp'
  | 'signInFailsPerAccount'
  | 'signInConsecutiveFails'
  | 'signUpsPerIp'
  | 'tokenFailsPerIp'
  | 'tokenRequests'
  | 'votes'
  | 'voteFlips'
  | 'reportsPerUser'
  | 'reportsPerIp'
  | 'joins'
  | 'glossaryWrites'
  | 'comments'
  | 'screenshots'
  | 'claims'
  | 'reads'
  | 'submissions'
  | 'projects'
  | 'writes';

/**
 * What a limit counts per: the caller's IP, the signed-in user, the user or else the IP, or the
 * user and one argument.
 */
export type RateLimitKey =
  | { readonly by: 'ip' }
  | { readonly by: 'user' }
  /** The signed-in user, else the caller's IP: public reads, open to anonymous visitors. */
  | { readonly by: 'userOrIp' }
  | { readonly by: 'userAndArg'; readonly arg: string }
  | { readonly by: 'explicit' };

export interface RateLimitRule {
  /** Seconds over which points are counted. */
  readonly windowSeconds: number;
  /** Once over the limit, the key stays refused this long (0: until the window ends). */
  readonly blockSeconds: number;
  readonly key: RateLimitKey;
  /**
   * `process`: counted in this API process's memory, not in the shared store. For a hot path
   * whose request costs little more than the store's round trip; with N API processes a key gets
   * N × the points.
   */
  readonly store?: 'process';
}

export const RATE_LIMIT_RULES: Readonly<Record<RateLimitName, RateLimitRule>> = {
  signInFailsPerIp: { windowSeconds: 3_600, blockSeconds: 3_600, key: { by: 'explicit' } },
  // Across IPs: slows a distributed guess at one account; capped so it cannot lock one out for long.
  signInFailsPerAccount: { windowSeconds: 3_600, blockSeconds: 900, key: { by: 'explicit' } },
  signInConsecutiveFails: { windowSeconds: 3_600, blockSeconds: 900, key: { by: 'explicit' } },
  signUpsPerIp: { windowSeconds: 3_600, blockSeconds: 0, key: { by: 'ip' } },
  tokenFailsPerIp: { windowSeconds: 900, blockSeconds: 900, key: { by: 'explicit' } },
  tokenRequests: { windowSeconds: 60, blockSeconds: 0, key: { by: 'explicit' } },
  votes: { windowSeconds: 60, blockSeconds: 0, key: { by: 'user' } },
  voteFlips: {
    windowSeconds: 3_600,
    blockSeconds: 0,
    key: { by: 'userAndArg', arg: 'candidateId' },
  },
  // reportCandidate and reportUser: per account, and per address for sock puppets.
  reportsPerUser: { windowSeconds: 3_600, blockSeconds: 0, key: { by: 'user' } },
  reportsPerIp: { windowSeconds: 3_600, blockSeconds: 0, key: { by: 'ip' } },
  // joinProject and acceptInvite: a person joins a few projects, a script joins hundreds.
  joins: { windowSeconds: 3_600, blockSeconds: 0, key: { by: 'user' } },
  // Glossary term writes and imports by a manager: bursts of editing, never thousands a minute.
  glossaryWrites: { windowSeconds: 60, blockSeconds: 0, key: { by: 'user' } },
  // Questions and comments on strings: a burst of discussion is fine, a comment bot is not.
  comments: { windowSeconds: 600, blockSeconds: 0, key: { by: 'user' } },
  // In-context screenshot uploads (up to SCREENSHOT_MAX_KB each): a tester takes a few per screen.
  screenshots: { windowSeconds: 3_600, blockSeconds: 0, key: { by: 'user' } },
  // nextString: each call is a write (a lease) at ~1 ms of server CPU. A volunteer asks once per
  // string or skip; a script asking in a loop is cut to the budget. In memory: a Redis round trip
  // would cost a third of the call (issue 15, W5).
  claims: { windowSeconds: 60, blockSeconds: 0, key: { by: 'user' }, store: 'process' },
  // Every query but me, health and nextString: the public reads (strings, string, candidates…),
  // which anonymous visitors and scripts may call, and a page of strings with its total count
  // costs tens of ms of Postgres on a big locale; and a signed-in user's own queries (myWork,
  // notifications, the managers' queues), which any new account may loop on. A person reads a few
  // pages a minute; a scraper in a loop is cut to the budget. Per user when signed in (volunteers behind one NAT keep their own), else
  // per IP. In memory, like claims: a read costs little more than a store round trip.
  reads: { windowSeconds: 60, blockSeconds: 0, key: { by: 'userOrIp' }, store: 'process' },
  // submitTranslation and withdrawTranslation, open to any signed-in stranger on a public project.
  // The voting rules cap candidates per hour, but only under the unit's row lock, after the string,
  // the glossary and the checks were loaded: a script in a loop held that lock against the
  // string's voters. Refused here first, in one round trip. A translator saves one every few
  // seconds at most (Weblate's default: 30 a minute).
  submissions: { windowSeconds: 60, blockSeconds: 0, key: { by: 'user' } },
  // createProject: any account may start a project; a person starts a few, a script thousands.
  projects: { windowSeconds: 3_600, blockSeconds: 0, key: { by: 'user' } },
  // Every other mutation of a signed-in user (managers' moderation and approvals, owners'
  // settings, invites, webhooks, one's own languages and notifications): people click, scripts
  // loop. operations-budgeted.spec.ts fails on a mutation with no limit at all.
  writes: { windowSeconds: 60, blockSeconds: 0, key: { by: 'user' } },
};

export const RATE_LIMIT_NAMES = Object.keys(RATE_LIMIT_RULES) as RateLimitName[];
