import { Injectable } from '@nestjs/common';
import { projectNotVisible } from '../catalogue/catalogue.errors';
import { KeyedSerial } from '../common/concurrency/keyed-serial';
import { AccessService } from '../identity/access.service';
import type { TranslatableStringModel } from './dto/translatable-string.model';
import type { StringFilter } from './dto/translation-enums';
import { GenericPlanPool } from '../database/generic-plan-pool';
import type { ModelReads } from './model-reads';
import { type ClaimRow, claimStatement } from './string-claim.sql';
import { localeCodeOf, unknownLocale } from './string-scope.service';
import { TranslatableStringService } from './translatable-string.service';
import { UUID } from '../common/uuid';

/** How long a string handed out by nextString stays reserved for its volunteer. */
export const LEASE_MS = 10 * 60 * 1000;

/** Attempts when a concurrent volunteer leased the picked string between snapshot and insert. */
const MAX_ATTEMPTS = 8;

export interface NextStringQuery {
  readonly project: string;
  readonly locale: string;
  readonly filter: StringFilter;
  readonly skip: readonly string[];
}

/**
 * The volunteer queue: hands each volunteer a string nobody else holds, leased for ten minutes.
 *
 * Exclusivity rests on two things in ONE statement (claimStatement): each free (string, locale)
 * slot is tried with a transaction-scoped advisory lock (two concurrent callers of one locale skip
 * each other's pick instead of waiting; other locales are not affected), and the lease is written
 * with `INSERT … ON CONFLICT DO UPDATE … WHERE expired or mine`, which Postgres evaluates against
 * the latest committed lease, so a caller whose snapshot predates a rival's commit gets no row
 * back and simply tries again. The same statement checks access to the project, resolves the
 * locale, renews a lease the caller already holds, releases their others and reads the string:
 * one round trip after the session, on a connection that plans it once (GenericPlanPool).
 *
 * One volunteer's claims run one at a time (per API process): two calls at once (two tabs, a
 * page that asks again before its first answer) would otherwise meet at their own slot lock, and
 * the later one, skipping the string the earlier one was leasing to the same volunteer, answered
 * "nothing left" on a queue with a string in it. The later call waits in memory, holding no
 * pooled connection, then renews the lease the earlier one wrote. It also bounds one account's
 * share of the claim pool to one connection, whatever it sends at once.
 */
@Injectable()
export class StringQueueService {
  private readonly claimsByUser = new KeyedSerial();

  constructor(
    private readonly genericPlans: GenericPlanPool,
    private readonly access: AccessService,
    private readonly strings: TranslatableStringService,
  ) {}

  next(
    query: NextStringQuery,
    userId: string,
    now: Date,
    reads: ModelReads,
  ): Promise<TranslatableStringModel | null> {
    return this.claimsByUser.run(userId, () => this.claim(query, userId, now, reads));
  }

  /** Claims waiting for an earlier claim of the same volunteer to finish. */
  get claimsWaiting(): number {
    return this.claimsByUser.queued;
  }

  private async claim(
    query: NextStringQuery,
    userId: string,
    now: Date,
    reads: ModelReads,
  ): Promise<TranslatableStringModel | null> {
    const localeCode = localeCodeOf(query.locale);
    const input = {
      projectSlug: query.project,
      localeCode,
      userId,
      filter: query.filter,
      skip: query.skip.filter((id) => UUID.test(id)),
      now,
      expiresAt: new Date(now.getTime() + LEASE_MS),
    };
    // The walk over the first strings alone first; everything only when it finds nothing.
    let walkOnly = true;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const statement = claimStatement({ ...input, walkOnly });
      // Its own pool: the claim is planned once per connection, never per call.
      const [claim] = await this.genericPlans.query<ClaimRow>(statement.text, statement.values);
      if (claim === undefined) throw projectNotVisible(query.project);
      const project = { id: claim.project_id, slug: claim.slug, visibility: claim.visibility };
      if (!claim.allowed) {
        // A private project and no membership: the permission table's own answer, its error.
        this.access.check(project, [], 'translation.submit');
        throw projectNotVisible(query.project);
      }
      if (!claim.locale_known) throw unknownLocale(project, query.locale);
      if (claim.claimed !== null) return this.toModel(claim.string, localeCode, userId, reads);
      if (claim.picked === 0) {
        if (!walkOnly) return null;
        walkOnly = false;
      }
    }
    return null;
  }

  private async toModel(
    row: ClaimRow['string'],
    localeCode: string,
    userId: string,
    reads: ModelReads,
  ): Promise<TranslatableStringModel | null> {
    if (row === null) return null;
    const [model] = await this.strings.toModels([row], localeCode, userId, reads);
    return model ?? null;
  }
}
