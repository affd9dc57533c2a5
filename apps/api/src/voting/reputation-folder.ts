import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A voter's unfolded rows in a locale before the folder takes them: reads stay below this many. */
export const FOLD_MIN_ROWS = 64;
/** How often each worker folds (the first time one period after it starts). */
export const FOLD_EVERY_MS = 5 * 60_000;
/** (voter, locale) pairs folded per statement, so no transaction grows without bound. */
const FOLD_PAIRS_PER_STATEMENT = 500;
/** Session-independent key of the folders' advisory lock: one folder at a time, across workers. */
const FOLD_LOCK = 0x43_48_52_46; // "CHRF"

/**
 * In one statement: pick up to $2 (voter, locale) pairs with at least $1 unfolded ledger rows,
 * flag their rows folded and add the rows' sums to the voters' totals. Readers see the rows either
 * unflagged and out of the total or flagged and in it (one commit). A row a close inserts meanwhile
 * is not in this statement's snapshot: it stays unfolded, counted by readers, folded next time.
 */
const FOLD_SQL = `
WITH heavy AS (
  SELECT user_id, locale FROM reputation_ledger
   WHERE kind = 'voter' AND NOT folded
   GROUP BY user_id, locale HAVING count(*) >= $1
   LIMIT $2
), moved AS (
  UPDATE reputation_ledger l SET folded = true
    FROM heavy h
   WHERE l.user_id = h.user_id AND l.locale = h.locale AND l.kind = 'voter' AND NOT l.folded
  RETURNING l.user_id, l.locale, l.agree, l.disagree
), added AS (
  INSERT INTO voter_reputation_total AS t (user_id, locale, agree, disagree, folded_rows, updated_at)
  SELECT user_id, locale, sum(agree), sum(disagree), count(*), now() FROM moved GROUP BY user_id, locale
  ON CONFLICT (user_id, locale) DO UPDATE
    SET agree = t.agree + EXCLUDED.agree, disagree = t.disagree + EXCLUDED.disagree,
        folded_rows = t.folded_rows + EXCLUDED.folded_rows, updated_at = EXCLUDED.updated_at
  RETURNING 1
)
SELECT (SELECT count(*) FROM heavy)::int AS pairs, (SELECT count(*) FROM moved)::int AS rows`;

export interface FoldResult {
  /** (voter, locale) pairs whose rows were folded. */
  readonly pairs: number;
  readonly rows: number;
  /** Another fold (in this process, or another holding the lock) was at work: this one did nothing. */
  readonly skipped: boolean;
}

/**
 * Keeps reading a voter's reputation cheap (see voterReputationSql): folds the ledger rows of
 * frequent voters into their totals. Run by the voting worker on a timer; idempotent and safe
 * beside closes (they only insert ledger rows, which this never locks) and beside other folders
 * (a transaction-scoped advisory lock, tried, never waited for).
 */
@Injectable()
export class ReputationFolder {
  private readonly logger = new Logger('ReputationFolder');
  /** A first fold of a big backlog may outlast the timer's period: the next tick then skips. */
  private busy = false;

  constructor(private readonly dataSource: DataSource) {}

  async fold(minRows = FOLD_MIN_ROWS): Promise<FoldResult> {
    if (this.busy) return { pairs: 0, rows: 0, skipped: true };
    this.busy = true;
    try {
      return await this.foldAll(minRows);
    } finally {
      this.busy = false;
    }
  }

  private async foldAll(minRows: number): Promise<FoldResult> {
    let pairs = 0;
    let rows = 0;
    for (;;) {
      const step = await this.dataSource.transaction(async (manager) => {
        const [lock] = await manager.query<{ held: boolean }[]>(
          'SELECT pg_try_advisory_xact_lock($1) AS held',
          [FOLD_LOCK],
        );
        if (lock?.held !== true) return null;
        const [result] = await manager.query<{ pairs: number; rows: number }[]>(FOLD_SQL, [
          minRows,
          FOLD_PAIRS_PER_STATEMENT,
        ]);
        return result ?? { pairs: 0, rows: 0 };
      });
      if (step === null) return { pairs, rows, skipped: pairs === 0 };
      pairs += step.pairs;
      rows += step.rows;
      if (step.pairs < FOLD_PAIRS_PER_STATEMENT) break;
    }
    if (rows > 0) this.logger.log(`folded ${rows} ledger rows of ${pairs} voter-locale pairs`);
    return { pairs, rows, skipped: false };
  }
}
