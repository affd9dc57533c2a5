import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { ChorusRequest, GraphqlContext, Principal } from './request-context';

export function requestOf(context: ExecutionContext): ChorusRequest {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<GraphqlContext>().req;
  }
  return context.switchToHttp().getRequest<ChorusRequest>();
}

/** The signed-in principal, or null on a @Public() handler called anonymously. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal | null =>
    requestOf(context).principal ?? null,
);
