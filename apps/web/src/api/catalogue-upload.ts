/** REST catalogue import: upload with progress, then poll the job while the worker imports it. */
export interface UploadProgress {
  readonly phase: 'uploading' | 'importing' | 'done';
  /** 0–100. */
  readonly percent: number;
}

export interface ImportSummary {
  readonly added: number;
  readonly changed: number;
  readonly removed: number;
  readonly unchanged: number;
  readonly warnings: readonly { readonly code: string; readonly message: string }[];
  /** Every warning of the import; `warnings` stops at 200. */
  readonly warningCount?: number;
  /** How the server read the file: given, or detected (v3 `_plural` keys, else v4). */
  readonly jsonFormat?: 'v3' | 'v4';
}

/** The i18next JSON version the form sends: 'auto' lets the server detect it. */
export type UploadFormat = 'auto' | 'v3' | 'v4';

/** The import URL: `format` only when the user chose one (unknown parameters are refused). */
export function importUrl(
  project: string,
  namespace: string,
  locale: string | null,
  format: UploadFormat,
): string {
  const query = new URLSearchParams();
  if (locale !== null) query.set('locale', locale);
  if (format !== 'auto') query.set('format', format);
  const search = query.size > 0 ? `?${query.toString()}` : '';
  return `/api/projects/${encodeURIComponent(project)}/catalogues/${encodeURIComponent(namespace)}${search}`;
}

interface JobBody {
  readonly id?: string;
  readonly jobId?: string;
  readonly job?: { readonly id?: string };
  readonly state?: string;
  readonly progress?: number | { readonly percent?: number };
  readonly result?: ImportSummary;
  readonly error?: { readonly message?: string } | string;
}

function errorText(body: unknown, status: number): string {
  const error = (body as { error?: { message?: string; code?: string } } | null)?.error;
  return error?.message ?? `The server answered ${status}.`;
}

function post(url: string, file: File, onProgress: (p: UploadProgress) => void) {
  return new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.setRequestHeader('x-chorus-csrf', '1');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable)
        onProgress({ phase: 'uploading', percent: Math.round((event.loaded / event.total) * 100) });
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new Error('The upload failed: the server could not be reached.'));
    xhr.send(file);
  });
}

function progressPercent(progress: JobBody['progress']): number {
  if (typeof progress === 'number') return progress;
  return progress?.percent ?? 0;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function uploadCatalogue(options: {
  readonly project: string;
  readonly namespace: string;
  readonly locale: string | null;
  readonly format?: UploadFormat;
  readonly file: File;
  readonly onProgress: (p: UploadProgress) => void;
}): Promise<ImportSummary | null> {
  const url = importUrl(
    options.project,
    options.namespace,
    options.locale,
    options.format ?? 'auto',
  );
  const { status, body } = await post(url, options.file, options.onProgress);
  if (status === 200 || status === 201) {
    options.onProgress({ phase: 'done', percent: 100 });
    return body as ImportSummary;
  }
  if (status !== 202) throw new Error(errorText(body, status));
  const job = body as JobBody;
  const jobId = job.jobId ?? job.id ?? job.job?.id;
  if (jobId === undefined) throw new Error('The server accepted the upload but named no job.');
  for (;;) {
    await sleep(500);
    const response = await fetch(`/api/jobs/${encodeURIComponent(jobId)}`, {
      credentials: 'same-origin',
    });
    const state = (await response.json()) as JobBody;
    if (!response.ok) throw new Error(errorText(state, response.status));
    if (state.state === 'completed') {
      options.onProgress({ phase: 'done', percent: 100 });
      return state.result ?? null;
    }
    if (state.state === 'failed') {
      const message = typeof state.error === 'string' ? state.error : state.error?.message;
      throw new Error(message ?? 'The import failed.');
    }
    options.onProgress({ phase: 'importing', percent: progressPercent(state.progress) });
  }
}
