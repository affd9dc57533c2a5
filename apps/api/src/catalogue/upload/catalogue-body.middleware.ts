import { text, type NextFunction, type Request, type RequestHandler, type Response } from 'express';

/**
 * The REST import takes the catalogue file as the raw request body (any content type, usually
 * application/json) up to maxBytes; it must run before the app-wide 2 MB JSON parser. Errors are
 * answered in the API's REST error shape, since they happen before Nest's filters.
 */
export function catalogueBodyMiddleware(maxBytes: number): RequestHandler {
  const parse = text({ type: () => true, limit: maxBytes, defaultCharset: 'utf-8' });
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'POST') return next();
    parse(req, res, (error?: unknown) => {
      if (error === undefined || error === null) return next();
      const status =
        typeof error === 'object' && 'status' in error && typeof error.status === 'number'
          ? error.status
          : 400;
      if (status === 413) {
        res.status(413).json({
          error: {
            code: 'PAYLOAD_TOO_LARGE',
            message: `The catalogue exceeds ${Math.round(maxBytes / 1024 / 1024)} MB. Split it into namespaces.`,
          },
        });
        return;
      }
      res.status(400).json({
        error: { code: 'INVALID_UPLOAD', message: 'The request body could not be read as text.' },
      });
    });
  };
}
