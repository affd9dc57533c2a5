import { raw, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { decodeUtf8, NOT_UTF8_MESSAGE } from './decode-utf8';

/**
 * The REST import takes the catalogue file as the raw request body (any content type, usually
 * application/json) up to maxBytes; it must run before the app-wide 2 MB JSON parser. Errors are
 * answered in the API's REST error shape, since they happen before Nest's filters. The bytes are
 * decoded as strict UTF-8 (decodeUtf8), like GraphQL uploads: invalid bytes are a 400, not U+FFFD.
 */
export function catalogueBodyMiddleware(maxBytes: number): RequestHandler {
  const parse = raw({ type: () => true, limit: maxBytes });
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'POST') return next();
    parse(req, res, (error?: unknown) => {
      if (error === undefined || error === null) {
        // Without a body there is no Buffer; the controller answers that case.
        if (!Buffer.isBuffer(req.body)) return next();
        const text = decodeUtf8(req.body);
        if (text === null) {
          res.status(400).json({ error: { code: 'INVALID_UPLOAD', message: NOT_UTF8_MESSAGE } });
          return;
        }
        req.body = text;
        return next();
      }
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
