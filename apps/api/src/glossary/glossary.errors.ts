import { errorFactory } from '../common/errors/app-error';

export type GlossaryErrorCode =
  'TERM_NOT_FOUND' | 'TERM_EXISTS' | 'GLOSSARY_FULL' | 'INVALID_TERM' | 'INVALID_GLOSSARY_FILE';

export const glossaryError = errorFactory<GlossaryErrorCode>({
  TERM_NOT_FOUND: 404,
  TERM_EXISTS: 409,
  GLOSSARY_FULL: 409,
  INVALID_TERM: 400,
  INVALID_GLOSSARY_FILE: 400,
});
