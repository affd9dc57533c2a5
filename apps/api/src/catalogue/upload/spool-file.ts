import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { UploadedFile } from './uploaded-file';

export type SpoolOutcome = UploadedFile | 'too-large' | 'not-utf8';

/** Passes bytes through while checking they are UTF-8, without keeping the decoded text. */
class Utf8Check extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  valid = true;
  bytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.valid) {
      try {
        this.decoder.decode(chunk, { stream: true });
      } catch {
        this.valid = false;
      }
    }
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (this.valid) {
      try {
        this.decoder.decode();
      } catch {
        this.valid = false;
      }
    }
    done();
  }
}

/**
 * Writes one multipart file stream to `path` (busboy has already capped it at the size limit and
 * marks it truncated), so an upload costs disk, not memory, while the request is read.
 */
export async function spoolFile(
  stream: Readable & { truncated?: boolean },
  info: { filename: string; mimeType: string },
  path: string,
): Promise<SpoolOutcome> {
  const check = new Utf8Check();
  await pipeline(stream, check, createWriteStream(path, { mode: 0o600 }));
  if (stream.truncated === true) return 'too-large';
  if (!check.valid) return 'not-utf8';
  return new UploadedFile(info.filename, info.mimeType, path, check.bytes);
}
