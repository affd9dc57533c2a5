export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly fetch: typeof fetch;
  /** Whether stderr is a terminal: progress bars there, plain lines otherwise (CI logs). */
  readonly errIsTty?: boolean;
  /** Terminal width for progress bars. */
  readonly columns?: number;
  /** Working directory that relative paths are resolved against (default: process.cwd()). */
  readonly cwd?: string;
  /** Pause between job polls; injectable so tests do not wait. */
  readonly sleep?: (ms: number) => Promise<void>;
}
