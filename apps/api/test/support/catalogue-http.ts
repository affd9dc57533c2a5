/** REST and multipart helpers for catalogue imports (as `chorus push` and the web client send them). */
export interface HttpResult<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
}

export async function pushCatalogue(
  baseUrl: string,
  path: string,
  body: string,
  auth: { token?: string; cookie?: string | null } = {},
): Promise<HttpResult> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(auth.token === undefined ? {} : { authorization: `Bearer ${auth.token}` }),
      // A browser's same-origin upload: cookie and Origin (the CSRF check needs both).
      ...(auth.cookie === undefined || auth.cookie === null
        ? {}
        : { cookie: auth.cookie, origin: baseUrl }),
    },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export async function getJson(
  baseUrl: string,
  path: string,
  auth: { token?: string; cookie?: string | null } = {},
): Promise<HttpResult> {
  const response = await fetch(`${baseUrl}${path}`, {
    headers: {
      ...(auth.token === undefined ? {} : { authorization: `Bearer ${auth.token}` }),
      ...(auth.cookie === undefined || auth.cookie === null ? {} : { cookie: auth.cookie }),
    },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A GraphQL multipart request (jaydenseric spec) with one file at `variables.file`. */
export async function gqlUpload(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown>,
  file: { name: string; text: string },
  options: { cookie?: string | null; preflight?: boolean } = {},
): Promise<
  HttpResult<{
    data?: Record<string, unknown> | null;
    errors?: { extensions?: { code?: string } }[];
  }>
> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query, variables: { ...variables, file: null } }));
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', new Blob([file.text], { type: 'application/json' }), file.name);
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      ...(options.preflight === false ? {} : { 'apollo-require-preflight': 'true' }),
      origin: baseUrl,
      ...(options.cookie === undefined || options.cookie === null
        ? {}
        : { cookie: options.cookie }),
    },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as never };
}

/**
 * Polls until `done` holds (no sleeps on a fixed schedule). By default only the test's timeout
 * limits it, so a loaded machine is slower, never failing; `timeoutMs` fails earlier with the value.
 */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = Number.POSITIVE_INFINITY,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > deadline)
      throw new Error(`condition not met in ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}
