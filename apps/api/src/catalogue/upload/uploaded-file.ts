import { readFile } from 'node:fs/promises';

/**
 * A file of a GraphQL multipart request, spooled to a temporary file (deleted when the response
 * ends) and already checked to be UTF-8 text of at most the upload limit. Read it while handling
 * the request.
 */
export class UploadedFile {
  constructor(
    readonly filename: string,
    readonly mimeType: string,
    /** Where the bytes are, until the response ends. */
    readonly path: string,
    readonly bytes: number,
  ) {}

  readText(): Promise<string> {
    return readFile(this.path, 'utf8');
  }
}
