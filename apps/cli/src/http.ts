import { EXIT, CliFailure } from './failure';
import type { CliIo } from './io';

export interface ServerError {
  readonly code: string;
  readonly message: string;
}

function causeOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    if (cause instanceof Error) {
      const code = (cause as Error & { code?: unknown }).code;
      return typeof code === 'string' ? code : cause.message;
    }
    return error.message;
  }
  return String(error);
}

async function serverError(response: Response): Promise<ServerError> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code === 'string' && typeof body.error.message === 'string')
      return { code: body.error.code, message: body.error.message };
  } catch {
    // not JSON: a proxy's error page
  }
  return { code: `HTTP_${response.status}`, message: `HTTP ${response.status}` };
}

/**
 * How long one request may keep waiting on 503 + Retry-After (bundles being built by the worker)
 * before the CLI gives up with exit 4.
 */
export const RETRY_BUDGET_MS = 180_000;

/** Retry-After in milliseconds (delta-seconds form only, as the server sends it), or null. */
export function retryAfterMs(response: Response): number | null {
  const header = response.headers.get('retry-after');
  if (header === null || !/^\d{1,6}$/.test(header.trim())) return null;
  return Math.max(1, Number(header.trim())) * 1_000;
}

/** The server as the CLI sees it: every failure becomes a one-line message and an exit code. */
export class ChorusHttp {
  constructor(
    private readonly io: CliIo,
    readonly baseUrl: string,
    private readonly token: string | undefined,
  ) {}

  private sleep(ms: number): Promise<void> {
    return this.io.sleep !== undefined
      ? this.io.sleep(ms)
      : new Promise<void>((r) => setTimeout(r, ms));
  }

  fail(exitCode: (typeof EXIT)[keyof typeof EXIT], message: string): never {
    this.io.err(`chorus: ${message}\n`);
    throw new CliFailure(exitCode, message);
  }

  /**
   * Fetches a path; answers 2xx/304 responses and turns everything else into an exit. A 503 with
   * Retry-After (bundles not built yet) is retried after the advised wait, within RETRY_BUDGET_MS
   * counted in advised waits, so a slow or loaded server never makes the CLI give up early.
   */
  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.token !== undefined && this.token !== '')
      headers.set('authorization', `Bearer ${this.token}`);
    const method = (init.method ?? 'GET').toUpperCase();
    const idempotent = method === 'GET' || method === 'HEAD';
    let waited = 0;
    for (;;) {
      let response: Response;
      try {
        response = await this.io.fetch(`${this.baseUrl}${path}`, { ...init, headers });
      } catch (error) {
        return this.fail(EXIT.server, `cannot reach ${this.baseUrl}: ${causeOf(error)}`);
      }
      const wait = response.status === 503 && idempotent ? retryAfterMs(response) : null;
      if (wait === null || waited + wait > RETRY_BUDGET_MS) return this.answer(path, response);
      await response.arrayBuffer().catch(() => undefined);
      this.io.err(`chorus: ${path}: not ready yet, retrying in ${wait / 1_000} s\n`);
      await this.sleep(wait);
      waited += wait;
    }
  }

  private async answer(path: string, response: Response): Promise<Response> {
    if (response.ok || response.status === 304) return response;
    const error = await serverError(response);
    if (response.status === 401 || response.status === 403) {
      const hint =
        this.token === undefined || this.token === ''
          ? ' Set CHORUS_TOKEN to a project API token.'
          : '';
      return this.fail(EXIT.auth, `${error.message} (${error.code})${hint}`);
    }
    if (response.status >= 500) {
      return this.fail(EXIT.server, `server error at ${path}: ${error.message} (${error.code})`);
    }
    const hint =
      error.code === 'PROJECT_NOT_FOUND' && (this.token === undefined || this.token === '')
        ? ' A private project needs CHORUS_TOKEN.'
        : '';
    return this.fail(EXIT.usage, `${error.message} (${error.code})${hint}`);
  }

  async json<T>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
    const response = await this.request(path, init);
    const text = await response.text();
    try {
      return { status: response.status, body: JSON.parse(text) as T };
    } catch {
      return this.fail(EXIT.server, `${path} did not answer JSON (HTTP ${response.status})`);
    }
  }
}
