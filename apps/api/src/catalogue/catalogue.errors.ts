import { errorFactory } from '../common/errors/app-error';

export type CatalogueErrorCode = 'PROJECT_NOT_FOUND' | 'SLUG_TAKEN' | 'UNKNOWN_LOCALE';

export const catalogueError = errorFactory<CatalogueErrorCode>({
  PROJECT_NOT_FOUND: 404,
  SLUG_TAKEN: 409,
  UNKNOWN_LOCALE: 400,
});
