// COPY … FROM STDIN over node-postgres without pg-copy-streams (not a dependency): a submittable
// that answers CopyInResponse with the prepared text-format chunks.
import type { Client } from 'pg';

type CopyConnection = { query(text: string): void } & {
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
};

class CopyIn {
  private error: Error | null = null;
  readonly done: Promise<void>;
  private settle!: () => void;
  private reject!: (error: Error) => void;

  constructor(
    readonly text: string,
    private readonly chunks: readonly Buffer[],
  ) {
    this.done = new Promise<void>((resolveDone, rejectDone) => {
      this.settle = resolveDone;
      this.reject = rejectDone;
    });
  }
  submit(connection: CopyConnection): void {
    connection.query(this.text);
  }
  handleCopyInResponse(connection: CopyConnection): void {
    for (const chunk of this.chunks) connection.sendCopyFromChunk(chunk);
    connection.endCopyFrom();
  }
  handleCommandComplete(): void {
    // ReadyForQuery follows
  }
  handleError(error: Error): void {
    this.error = error;
  }
  handleReadyForQuery(): void {
    if (this.error !== null) this.reject(this.error);
    else this.settle();
  }
}

/** One field in COPY text format (\N for NULL; backslash, tab, newline and CR escaped). */
export function copyField(value: string | number | null): string {
  if (value === null) return '\\N';
  return String(value)
    .replace(/\\/g, '\\\\')
    .replace(/\t/g, '\\t')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r');
}

/** Rows in COPY text format, in chunks of about 1 MiB. */
export function copyChunks(rows: Iterable<readonly (string | number | null)[]>): Buffer[] {
  const chunks: Buffer[] = [];
  let current: string[] = [];
  let size = 0;
  for (const row of rows) {
    const line = `${row.map(copyField).join('\t')}\n`;
    current.push(line);
    size += line.length;
    if (size > 1 << 20) {
      chunks.push(Buffer.from(current.join(''), 'utf8'));
      current = [];
      size = 0;
    }
  }
  if (current.length > 0) chunks.push(Buffer.from(current.join(''), 'utf8'));
  return chunks;
}

/** COPY table (columns) FROM STDIN with prepared chunks. */
export async function copyIn(
  client: Client,
  table: string,
  columns: readonly string[],
  chunks: readonly Buffer[],
): Promise<void> {
  const copy = new CopyIn(
    `COPY ${table} (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`,
    chunks,
  );
  await (client as unknown as { query(q: CopyIn): unknown }).query(copy);
  await copy.done;
}
