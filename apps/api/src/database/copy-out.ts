// `COPY … TO STDOUT` through node-postgres (pg-copy-streams is not a dependency): the raw text
// format, for reads whose rows are handled elsewhere than on the event loop (the bundle thread).
import { UUID } from '../common/uuid';

/** The protocol hooks node-postgres calls on a submittable passed to `client.query`. */
export class CopyOut {
  private readonly chunks: Buffer[] = [];
  private failed = false;
  readonly done: Promise<Buffer>;
  private settle!: (value: Buffer) => void;
  private reject!: (error: Error) => void;

  constructor(readonly text: string) {
    this.done = new Promise<Buffer>((resolveDone, rejectDone) => {
      this.settle = resolveDone;
      this.reject = rejectDone;
    });
  }

  submit(connection: { query(text: string): void }): void {
    connection.query(this.text);
  }

  handleCopyData(message: { chunk: Buffer }): void {
    // pg hands out views of its read buffer, which it reuses: keep a copy.
    this.chunks.push(Buffer.from(message.chunk));
  }

  handleCommandComplete(): void {
    // The data has arrived; ReadyForQuery follows.
  }

  /**
   * At once, as node-postgres' own queries do: a connection that breaks mid-COPY reports its error
   * here and never sends ReadyForQuery, and a build waiting for that would wait forever. (After an
   * error response the server's ReadyForQuery still comes; the driver queues later statements
   * behind it.)
   */
  handleError(error: Error): void {
    this.failed = true;
    this.reject(error);
  }

  handleReadyForQuery(): void {
    if (!this.failed) this.settle(Buffer.concat(this.chunks));
  }
}

/** A node-postgres client (or a TypeORM runner's underlying one) that takes a submittable. */
export interface CopyClient {
  query(submittable: CopyOut): unknown;
}

/** Runs `COPY (<select>) TO STDOUT` and answers its text-format bytes. */
export async function copyOut(client: CopyClient, select: string): Promise<Buffer> {
  const copy = new CopyOut(`COPY (${select}) TO STDOUT`);
  void client.query(copy);
  return copy.done;
}

/**
 * COPY takes no bind parameters: a value inlined into one must be a UUID (the only kind we
 * inline), checked here, never quoted by hand.
 */
export function copyUuid(value: string): string {
  if (!UUID.test(value)) throw new Error(`not a UUID: ${JSON.stringify(value)}`);
  return `'${value}'::uuid`;
}

const ESCAPES: Readonly<Record<string, string>> = {
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/** One field of COPY's text format: `\N` is NULL, backslash sequences are unescaped. */
function field(raw: string): string | null {
  if (raw === '\\N') return null;
  if (!raw.includes('\\')) return raw;
  return raw.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (_, c: string) => {
    if (c.length > 1 || /[0-7]/.test(c))
      return String.fromCharCode(c[0] === 'x' ? parseInt(c.slice(1), 16) : parseInt(c, 8));
    return ESCAPES[c] ?? c;
  });
}

/** The rows of COPY's text format (tab-separated fields, one row per line). */
export function parseCopyText(bytes: Uint8Array): (string | null)[][] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const rows: (string | null)[][] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    rows.push(line.split('\t').map(field));
  }
  return rows;
}
