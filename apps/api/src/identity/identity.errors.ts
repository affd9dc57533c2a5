import { errorFactory } from '../common/errors/app-error';

export type IdentityErrorCode =
  | 'INVALID_CREDENTIALS'
  | 'EMAIL_TAKEN'
  | 'UNAUTHENTICATED'
  | 'SESSION_EXPIRED'
  | 'INVALID_TOKEN'
  | 'TOKEN_SCOPE'
  | 'ACCOUNT_BANNED';

export const identityError = errorFactory<IdentityErrorCode>({
  INVALID_CREDENTIALS: 401,
  EMAIL_TAKEN: 409,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  INVALID_TOKEN: 401,
  TOKEN_SCOPE: 403,
  ACCOUNT_BANNED: 403,
});
