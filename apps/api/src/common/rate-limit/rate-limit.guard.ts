import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Response } from 'express';
import { requestOf } from '../auth/current-principal.decorator';
import type { GraphqlContext } from '../auth/request-context';
import { assertNever } from '../errors/assert-never';
import { clientIp } from './client-ip';
import { setRetryAfter } from './rate-limit.errors';
import { RATE_LIMIT_RULES, type RateLimitName } from './rate-limit.rules';
import { RateLimitService } from './rate-limit.service';
import { RATE_LIMITS } from './rate-limited.decorator';

function responseOf(context: ExecutionContext): Response | undefined {
  if (context.getType<string>() === 'graphql') {
    // Undefined over graphql-ws: the error alone tells the client.
    return GqlExecutionContext.create(context).getContext<GraphqlContext>().res as
      Response | undefined;
  }
  return context.switchToHttp().getResponse<Response>();
}

function argsOf(context: ExecutionContext): Record<string, unknown> {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getArgs<Record<string, unknown>>();
  }
  return context.switchToHttp().getRequest<{ params: Record<string, unknown> }>().params;
}

/**
 * Global guard for @RateLimited handlers. Runs after the AuthGuard (registered after it), so a
 * per-user limit sees the principal. Sets Retry-After on the HTTP response when there is one.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimitService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const names = this.reflector.getAllAndOverride<RateLimitName[] | undefined>(RATE_LIMITS, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (names === undefined || names.length === 0) return true;
    try {
      // Counted together (one pipelined round trip to the store): a request refused by one limit
      // still counts against the others, as an attempt.
      await Promise.all(
        names.map((name) => {
          const key = this.keyFor(name, context);
          return key === null ? undefined : this.limits.consume(name, key);
        }),
      );
    } catch (error) {
      setRetryAfter(responseOf(context), error);
      throw error;
    }
    return true;
  }

  /** The counter key, or null when the limit does not apply (no user on a per-user limit). */
  private keyFor(name: RateLimitName, context: ExecutionContext): string | null {
    const rule = RATE_LIMIT_RULES[name].key;
    const req = requestOf(context);
    switch (rule.by) {
      case 'ip':
        return clientIp(req);
      case 'user':
        return req.principal?.userId ?? null;
      case 'userOrIp': {
        const user = req.principal?.userId;
        return user === undefined ? `ip:${clientIp(req)}` : `user:${user}`;
      }
      case 'userAndArg': {
        const value = argsOf(context)[rule.arg];
        const user = req.principal?.userId;
        return user === undefined || typeof value !== 'string' ? null : `${user}:${value}`;
      }
      case 'explicit':
        throw new Error(`Rate limit ${name} is counted by its service, not by @RateLimited`);
      default:
        return assertNever(rule, 'rate limit key');
    }
  }
}
