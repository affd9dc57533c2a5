import type { CliIo } from './io';

export interface Progress {
  tick(label: string): void;
  done(): void;
}

/**
 * A hand-written progress bar on a TTY (redrawn in place on stderr); one plain line per step when
 * stderr is not a terminal, so CI logs stay readable; silent when `quiet`.
 */
export function progress(io: CliIo, title: string, total: number, quiet: boolean): Progress {
  let done = 0;
  if (io.errIsTty === true) {
    const width = Math.max(10, Math.min(30, (io.columns ?? 80) - 50));
    const draw = (label: string) => {
      const filled = total === 0 ? width : Math.round((done / total) * width);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      io.err(`\r\x1b[2K${title} ${bar} ${done}/${total} ${label}`.slice(0, io.columns ?? 200));
    };
    draw('');
    return {
      tick(label) {
        done++;
        draw(label);
      },
      done() {
        io.err('\n');
      },
    };
  }
  return {
    tick(label) {
      done++;
      if (!quiet) io.err(`${title} ${done}/${total} ${label}\n`);
    },
    done() {
      // plain lines need no closing
    },
  };
}
