import busboy from 'busboy';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spoolFile, type SpoolOutcome } from './spool-file';
import type { UploadedFile } from './uploaded-file';

const MAX_FILES = 5;
const MAX_FIELD_BYTES = 2 * 1024 * 1024;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function reply(res: Response, status: number, code: string, message: string): void {
  if (res.headersSent) return;
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** Puts `value` at a dotted path such as `variables.file` or `0.variables.files.1`. */
function place(target: Json | UploadedFile, path: string, value: UploadedFile): boolean {
  const segments = path.split('.');
  let node: unknown = target;
  for (const [index, segment] of segments.entries()) {
    if (typeof node !== 'object' || node === null) return false;
    const container = node as Record<string, unknown>;
    if (index === segments.length - 1) {
      if (!(segment in container) || container[segment] !== null) return false;
      container[segment] = value;
      return true;
    }
    node = container[segment];
  }
  return false;
}

/**
 * GraphQL multipart request spec (jaydenseric/graphql-multipart-request-spec) for POST /graphql:
 * fields `operations` and `map`, then the files, each spooled to a temporary file (UTF-8 text,
 * refused when larger than maxBytes), so a request costs disk, not memory. It runs after
 * uploadPreauth: anonymous uploads never get here. The operations then reach Apollo as a parsed
 * body. Apollo's CSRF prevention still applies: multipart is a "simple" content type, so clients must send a
 * non-simple header such as `apollo-require-preflight: true`.
 */
export function graphqlUploadMiddleware(maxBytes: number): RequestHandler {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'POST' || req.is('multipart/form-data') !== 'multipart/form-data') {
      next();
      return;
    }
    let parser: ReturnType<typeof busboy>;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { fileSize: maxBytes, files: MAX_FILES, fieldSize: MAX_FIELD_BYTES, fields: 2 },
      });
    } catch {
      reply(res, 400, 'BAD_REQUEST', 'Malformed multipart request (missing boundary?).');
      return;
    }
    const fields = new Map<string, string>();
    const files = new Map<string, Promise<SpoolOutcome>>();
    let failed = false;
    const fail = (status: number, code: string, message: string) => {
      failed = true;
      req.unpipe(parser);
      req.resume();
      reply(res, status, code, message);
    };
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) fail(413, 'PAYLOAD_TOO_LARGE', `Field "${name}" is too large.`);
      else fields.set(name, value);
    });
    // Files go to a private temporary directory, removed once the response has been sent.
    let spoolDir: Promise<string> | undefined;
    const directory = () => {
      spoolDir ??= mkdtemp(join(tmpdir(), 'chorus-upload-'));
      return spoolDir;
    };
    res.on('close', () => {
      if (spoolDir !== undefined)
        void spoolDir
          .then((dir) => rm(dir, { recursive: true, force: true }))
          .catch(() => undefined);
    });
    let fileCount = 0;
    parser.on('file', (name, stream, info) => {
      fileCount += 1;
      const index = fileCount;
      const spooled = directory().then((dir) => spoolFile(stream, info, join(dir, String(index))));
      // Errors surface when the map is resolved; until then keep the rejection handled.
      spooled.catch(() => undefined);
      files.set(name, spooled);
    });
    parser.on('filesLimit', () =>
      fail(413, 'PAYLOAD_TOO_LARGE', `At most ${MAX_FILES} files per request.`),
    );
    parser.on('error', () => fail(400, 'BAD_REQUEST', 'Malformed multipart request.'));
    parser.on('close', () => {
      if (failed) return;
      void (async () => {
        let operations: Json;
        let map: Record<string, string[]>;
        try {
          operations = JSON.parse(fields.get('operations') ?? '') as Json;
          map = JSON.parse(fields.get('map') ?? '{}') as Record<string, string[]>;
        } catch {
          reply(res, 400, 'BAD_REQUEST', 'The "operations" and "map" fields must be JSON.');
          return;
        }
        for (const [key, paths] of Object.entries(map)) {
          const file = await files.get(key);
          if (file === undefined) {
            return reply(res, 400, 'BAD_REQUEST', `The map names file "${key}" but none was sent.`);
          }
          if (file === 'too-large') {
            return reply(
              res,
              413,
              'PAYLOAD_TOO_LARGE',
              `File "${key}" exceeds ${Math.round(maxBytes / 1024 / 1024)} MB.`,
            );
          }
          if (file === 'not-utf8') {
            return reply(res, 400, 'INVALID_UPLOAD', `File "${key}" is not UTF-8 text.`);
          }
          for (const path of Array.isArray(paths) ? paths : []) {
            if (!place(operations, path, file)) {
              return reply(
                res,
                400,
                'BAD_REQUEST',
                `The map path "${path}" is not a null variable.`,
              );
            }
          }
        }
        req.body = operations;
        next();
      })().catch(() => reply(res, 400, 'BAD_REQUEST', 'Malformed multipart request.'));
    });
    req.pipe(parser);
  };
}
