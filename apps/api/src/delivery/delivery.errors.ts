import { errorFactory } from '../common/errors/app-error';

export type DeliveryErrorCode =
  | 'PROJECT_NOT_FOUND'
  | 'LOCALE_NOT_FOUND'
  | 'NAMESPACE_NOT_FOUND'
  | 'BUNDLE_NOT_FOUND'
  | 'BUNDLE_BUILD_FAILED'
  | 'WEBHOOK_NOT_FOUND'
  | 'WEBHOOK_EXISTS'
  | 'INVALID_WEBHOOK_URL';

export const deliveryError = errorFactory<DeliveryErrorCode>({
  PROJECT_NOT_FOUND: 404,
  LOCALE_NOT_FOUND: 404,
  NAMESPACE_NOT_FOUND: 404,
  BUNDLE_NOT_FOUND: 404,
  BUNDLE_BUILD_FAILED: 500,
  WEBHOOK_NOT_FOUND: 404,
  WEBHOOK_EXISTS: 409,
  INVALID_WEBHOOK_URL: 400,
});
