import type { Id } from '../model/types';
import { compareCodeUnits } from '../rank/rank-order';
import { assertNever } from '../util/assert-never';
import type { UserReputation } from './reputation';
import { EMPTY_REPUTATION } from './reputation';

export type LedgerKind = 'voter' | 'translator';

/** One row of the idempotent ledger; (roundId, userId, kind) is its primary key. */
export type LedgerEntry =
  | {
      readonly roundId: Id;
      readonly userId: Id;
      readonly kind: 'voter';
      readonly agree: number;
      readonly disagree: number;
    }
  | {
      readonly roundId: Id;
      readonly userId: Id;
      readonly kind: 'translator';
      readonly accepted: number;
      readonly rejected: number;
    };

/** String form of the ledger key for in-memory maps; the database uses the three columns. */
export function ledgerKey(e: Pick<LedgerEntry, 'roundId' | 'userId' | 'kind'>): string {
  return JSON.stringify([e.roundId, e.userId, e.kind]);
}

/** JSON-serialisable reputations plus the ledger keys already applied. */
export interface ReputationBook {
  readonly users: Readonly<Record<Id, UserReputation>>;
  readonly appliedKeys: readonly string[];
}

export const EMPTY_BOOK: ReputationBook = Object.freeze({ users: {}, appliedKeys: [] });

/**
 * Applies ledger entries whose key is not yet in the book. Applying the same decision twice equals
 * applying it once, which is what makes a retried close job harmless.
 */
export function applyLedgerEntries(
  book: ReputationBook,
  entries: readonly LedgerEntry[],
): ReputationBook {
  const applied = new Set(book.appliedKeys);
  const users: Record<Id, UserReputation> = { ...book.users };
  for (const e of entries) {
    const key = ledgerKey(e);
    if (applied.has(key)) continue;
    applied.add(key);
    users[e.userId] = addEntry(users[e.userId] ?? EMPTY_REPUTATION, e);
  }
  return { users, appliedKeys: [...applied].sort(compareCodeUnits) };
}

export function addEntry(r: UserReputation, e: LedgerEntry): UserReputation {
  switch (e.kind) {
    case 'voter':
      return { ...r, agree: r.agree + e.agree, disagree: r.disagree + e.disagree };
    case 'translator':
      return { ...r, accepted: r.accepted + e.accepted, rejected: r.rejected + e.rejected };
    default:
      return assertNever(e, 'ledger entry');
  }
}

export function reputationOf(book: ReputationBook, userId: Id): UserReputation {
  return book.users[userId] ?? EMPTY_REPUTATION;
}
