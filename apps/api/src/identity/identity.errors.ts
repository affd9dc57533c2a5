import { errorFactory } from '../common/errors/app-error';

export type IdentityErrorCode =
  'INVALID_CREDENTIALS' | 'EMAIL_TAKEN' | 'UNAUTHENTICATED' | 'SESSION_EXPIRED';

export const identityError = errorFactory<IdentityErrorCode>({
  INVALID_CREDENTIALS: 401,
  EMAIL_TAKEN: 409,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
});
