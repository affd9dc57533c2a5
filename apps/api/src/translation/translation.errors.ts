import { errorFactory } from '../common/errors/app-error';

export type TranslationErrorCode = 'STRING_NOT_FOUND' | 'INVALID_CURSOR';

export const translationError = errorFactory<TranslationErrorCode>({
  STRING_NOT_FOUND: 404,
  INVALID_CURSOR: 400,
});
