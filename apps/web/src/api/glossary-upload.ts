import { GraphqlRequestError } from '../graphql-client';
import type { GlossaryFormat } from './glossary-operations';

export interface GlossaryImportResult {
  readonly created: number;
  readonly updated: number;
  readonly translations: number;
  readonly skippedLocales: readonly string[];
}

const IMPORT = `mutation ImportGlossary($project: String!, $format: GlossaryFormat!, $file: Upload!) {
  importGlossary(project: $project, format: $format, file: $file) {
    created updated translations skippedLocales } }`;

/** The format a file's name implies (TBX for .tbx and .xml, CSV otherwise). */
export function glossaryFormatOf(fileName: string): GlossaryFormat {
  return /\.(tbx|xml)$/i.test(fileName) ? 'TBX' : 'CSV';
}

/** importGlossary as a GraphQL multipart request (one file at `variables.file`). */
export async function importGlossary(
  project: string,
  file: File,
  fetchImpl: typeof fetch = fetch,
): Promise<GlossaryImportResult> {
  const form = new FormData();
  form.append(
    'operations',
    JSON.stringify({
      query: IMPORT,
      variables: { project, format: glossaryFormatOf(file.name), file: null },
    }),
  );
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', file, file.name);
  const response = await fetchImpl('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'x-chorus-csrf': '1', 'apollo-require-preflight': 'true' },
    body: form,
  });
  const body = (await response.json()) as {
    data?: { importGlossary: GlossaryImportResult } | null;
    errors?: { message: string; extensions?: { code?: string; details?: unknown } }[];
  };
  const first = body.errors?.[0];
  if (first !== undefined) {
    throw new GraphqlRequestError(
      first.extensions?.code ?? 'UNKNOWN',
      first.message,
      first.extensions?.details,
    );
  }
  if (body.data === undefined || body.data === null) {
    throw new GraphqlRequestError('EMPTY_RESPONSE', `The server answered ${response.status}.`);
  }
  return body.data.importGlossary;
}
