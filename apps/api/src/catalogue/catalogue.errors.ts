import { errorFactory } from '../common/errors/app-error';

export type CatalogueErrorCode =
  | 'PROJECT_NOT_FOUND'
  | 'SLUG_TAKEN'
  | 'SLUG_RESERVED'
  | 'UNKNOWN_LOCALE'
  | 'LOCALE_EXISTS'
  | 'SOURCE_LOCALE'
  | 'INVALID_VOTING_PARAMETERS'
  | 'INVALID_CATALOGUE'
  | 'INVALID_UPLOAD'
  | 'UNKNOWN_PARAMETER'
  | 'JOB_NOT_FOUND'
  | 'NAMESPACE_NOT_FOUND'
  | 'INVALID_CURSOR';

export const catalogueError = errorFactory<CatalogueErrorCode>({
  PROJECT_NOT_FOUND: 404,
  SLUG_TAKEN: 409,
  SLUG_RESERVED: 409,
  UNKNOWN_LOCALE: 400,
  LOCALE_EXISTS: 409,
  SOURCE_LOCALE: 400,
  INVALID_VOTING_PARAMETERS: 400,
  INVALID_CATALOGUE: 400,
  INVALID_UPLOAD: 400,
  UNKNOWN_PARAMETER: 400,
  JOB_NOT_FOUND: 404,
  NAMESPACE_NOT_FOUND: 404,
  INVALID_CURSOR: 400,
});

/** What a viewer hears of a project that does not exist or that they may not read (no FORBIDDEN). */
export function projectNotVisible(slug: string) {
  return catalogueError('PROJECT_NOT_FOUND', `No project "${slug}" is visible to you.`);
}
