import { errorFactory } from '../common/errors/app-error';

export type CatalogueErrorCode =
  | 'PROJECT_NOT_FOUND'
  | 'SLUG_TAKEN'
  | 'UNKNOWN_LOCALE'
  | 'LOCALE_EXISTS'
  | 'SOURCE_LOCALE'
  | 'INVALID_VOTING_PARAMETERS'
  | 'INVALID_CATALOGUE'
  | 'INVALID_UPLOAD'
  | 'JOB_NOT_FOUND';

export const catalogueError = errorFactory<CatalogueErrorCode>({
  PROJECT_NOT_FOUND: 404,
  SLUG_TAKEN: 409,
  UNKNOWN_LOCALE: 400,
  LOCALE_EXISTS: 409,
  SOURCE_LOCALE: 400,
  INVALID_VOTING_PARAMETERS: 400,
  INVALID_CATALOGUE: 400,
  INVALID_UPLOAD: 400,
  JOB_NOT_FOUND: 404,
});
