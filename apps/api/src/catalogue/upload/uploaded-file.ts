/** A file of a GraphQL multipart request, read whole into memory as UTF-8 text (catalogues are text). */
export class UploadedFile {
  constructor(
    readonly filename: string,
    readonly mimeType: string,
    readonly text: string,
  ) {}
}
