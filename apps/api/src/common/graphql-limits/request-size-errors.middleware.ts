import type { ErrorRequestHandler } from 'express';

/**
 * Body-parser errors happen before Nest's filters see the request; without this Express answers
 * them with a bare 500. A body over the limit becomes 413 PAYLOAD_TOO_LARGE, malformed JSON 400,
 * in the REST error shape (GraphQL clients read the code from the same place in `errors`).
 */
export const requestSizeErrors: ErrorRequestHandler = (error: unknown, req, res, next) => {
  const type =
    typeof error === 'object' && error !== null && 'type' in error ? String(error.type) : '';
  if (res.headersSent || (type !== 'entity.too.large' && type !== 'entity.parse.failed')) {
    next(error);
    return;
  }
  const tooLarge = type === 'entity.too.large';
  const code = tooLarge ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST';
  const message = tooLarge
    ? 'The request body is too large (JSON requests are limited to 2 MB; upload catalogues as files).'
    : 'The request body is not valid JSON.';
  const body = req.path.startsWith('/graphql')
    ? { errors: [{ message, extensions: { code } }] }
    : { error: { code, message } };
  res.status(tooLarge ? 413 : 400).json(body);
};
