import { GraphQLError, GraphQLScalarType } from 'graphql';
import { UploadedFile } from './uploaded-file';

const HOW = 'send the file as a multipart request (GraphQL multipart request spec)';

/**
 * `Upload`: a file sent through the GraphQL multipart request spec. graphql-upload-middleware puts
 * an UploadedFile where the `map` field points; nothing else is accepted.
 */
export const UploadScalar = new GraphQLScalarType<UploadedFile, never>({
  name: 'Upload',
  description: `A file upload; ${HOW}.`,
  parseValue(value: unknown): UploadedFile {
    if (value instanceof UploadedFile) return value;
    throw new GraphQLError(`Upload must be a file: ${HOW}.`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  },
  parseLiteral(): never {
    throw new GraphQLError(`Upload cannot be written inline: ${HOW}.`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  },
  serialize(): never {
    throw new GraphQLError('Upload is an input-only scalar.');
  },
});
