import { SetMetadata } from '@nestjs/common';
import type { RateLimitName } from './rate-limit.rules';

export const RATE_LIMITS = 'chorus:rateLimits';

/**
 * Throttles a GraphQL resolver or REST handler: each named limit is counted (by IP, user, or user
 * and an argument, as RATE_LIMIT_RULES says) before the handler runs. Over the limit the caller
 * gets RATE_LIMITED: HTTP 429 with Retry-After, or a GraphQL error with `extensions.retryAfter`.
 */
export const RateLimited = (...names: RateLimitName[]) => SetMetadata(RATE_LIMITS, names);
