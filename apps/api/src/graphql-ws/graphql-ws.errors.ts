import { errorFactory } from '../common/errors/app-error';

export type GraphqlWsErrorCode = 'SUBSCRIPTIONS_ONLY' | 'SUBSCRIPTION_LIMIT';

export const graphqlWsError = errorFactory<GraphqlWsErrorCode>({
  SUBSCRIPTIONS_ONLY: 405,
  SUBSCRIPTION_LIMIT: 429,
});
