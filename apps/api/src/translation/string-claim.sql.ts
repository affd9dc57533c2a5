import { PERMISSIONS } from '../identity/permissions';
import { StringFilter } from './dto/translation-enums';
import { SqlParams } from './sql-params';
import { CANDIDATE_COUNT, filterCondition } from './string-filter.sql';
import { STRING_ROW_COLUMNS, type StringRow } from './string-row.sql';
import { notGlossarySql } from '../glossary/glossary-namespace';

export interface ClaimInput {
  readonly projectSlug: string;
  /** The stored (canonical) locale code; the statement resolves it to the locale row. */
  readonly localeCode: string;
  readonly userId: string;
  readonly filter: StringFilter;
  /** Valid UUIDs only. */
  readonly skip: readonly string[];
  readonly now: Date;
  readonly expiresAt: Date;
  /**
   * Pick only within the first WALK_WINDOW strings (a smaller statement): from the volunteer's
   * resume point for the catalogue-order filters, the first strings without a candidate for ALL.
   * When that finds nothing (`picked` 0), the caller asks again without it.
   */
  readonly walkOnly?: boolean;
}

/**
 * Filters whose pick walks the catalogue in order (see catalogueOrderPick): all but ALL, which
 * hands out the strings with the fewest candidates first (untranslated ones), so it must rank
 * every matching string. NEEDS_VOTES ranked them too until a voter's claim was measured at
 * 108–160 ms of Postgres in a locale with 10k strings under vote (a per-string check of the
 * voter's votes and the candidates' authors, then a sort); walking, it costs what the distance
 * to the first string the voter may vote on costs, in the order the vote page lists them.
 */
export function walksCatalogue(filter: StringFilter): boolean {
  return filter !== StringFilter.ALL;
}

/**
 * ALL's walk (`walkOnly`): the first strings of the catalogue that have no candidate, which rank
 * first in ALL's order, so the walk's answer is the ranking's whenever it finds one. The ranking
 * counted the candidates of every string of the locale on each call (46 ms of Postgres per claim
 * at 10k strings); it now runs only when the first WALK_WINDOW free strings all have candidates.
 */
const NO_CANDIDATE_YET = `${CANDIDATE_COUNT} = 0`;

/** No row at all: no project has that slug. */
export interface ClaimRow {
  readonly project_id: string;
  readonly slug: string;
  readonly visibility: 'public' | 'private';
  /** The caller may take strings here (the gate below); nothing was claimed when false. */
  readonly allowed: boolean;
  /** The project has the locale. */
  readonly locale_known: boolean;
  /** Strings the pick found: 0 means nothing is left for this volunteer. */
  readonly picked: number;
  /** The string leased to the volunteer now (their held lease renewed, or a new one), if any. */
  readonly claimed: string | null;
  /** That string as the model needs it (null when nothing was claimed). */
  readonly string: StringRow | null;
}

// The SQL gate below is "public project or member": that is isAllowed('translation.submit')
// only while the action is open to contributors. This line stops compiling if that changes.
const SUBMIT_IS_FOR_CONTRIBUTORS: true = PERMISSIONS['translation.submit'].contributors;
void SUBMIT_IS_FOR_CONTRIBUTORS;

/**
 * One statement for a nextString attempt: resolve the project and the caller's access to it, the
 * locale, renew the caller's held lease if it still fits, otherwise pick the first free string,
 * lease it, release the caller's other leases in the locale, and read the claimed string's row.
 *
 * Concurrent callers skip each other through a transaction-scoped advisory lock on the
 * (string, locale) SLOT, tried in catalogue order (`pg_try_advisory_xact_lock` in the filter above
 * the ordered scan): a `de` volunteer's pick never hides the string from a `pl` one, which a row
 * lock on the source string did. The lease itself is written with `INSERT … ON CONFLICT DO UPDATE
 * … WHERE expired or mine`, evaluated against the latest committed lease, so a caller whose
 * snapshot predates a rival's commit gets no row and tries again. string_lease is UNLOGGED, so a
 * claim writes no WAL and its commit waits for no fsync (leases are lost on a crash: harmless).
 */
export function claimStatement(input: ClaimInput): { text: string; values: unknown[] } {
  const params = new SqlParams();
  const SLUG = params.add(input.projectSlug);
  const C = params.add(input.localeCode);
  const U = params.add(input.userId);
  const NOW = params.add(input.now);
  const EXP = params.add(input.expiresAt);
  const SKIP = params.add(input.skip);
  // InitPlans: evaluated once, used like parameters by the planner (and by index scans).
  const P = '(SELECT id FROM ok)';
  const L = '(SELECT id FROM loc)';
  const live = `s.project_id = ${P} AND s.removed_at IS NULL AND ${notGlossarySql('s')} AND u.locked IS NOT TRUE
        AND NOT (s.id = ANY(${SKIP}::uuid[]))`;
  const leasedByOther = `SELECT 1 FROM string_lease l WHERE l.string_id = s.id
                 AND l.locale_id = ${L} AND l.user_id <> ${U} AND l.expires_at > ${NOW}`;
  // For the set-based queries: the planner may join the locale's leases as a set.
  const free = `NOT EXISTS (${leasedByOther})`;
  // For the walk: one probe of the lease key per string walked (OFFSET 0 keeps it a per-row
  // subplan). Joined as a set, the generic plan scanned the whole lease table on every claim —
  // every locale's leases and the dead versions the claims leave until VACUUM — so a claim's
  // cost grew with the crowd and with the time since the last VACUUM (W5's database, 12k claims
  // without one: 0.32–0.37 ms of Postgres per claim joined, 0.26–0.29 ms probed).
  const freeProbe = `NOT EXISTS (${leasedByOther} OFFSET 0)`;
  const open = `${L} IS NOT NULL`;
  // The slot's advisory lock is tried above an OFFSET 0 fence (no qual is pushed into it), so it
  // is tried only on free strings, one at a time in queue order, until one is won.
  const walkOnly = input.walkOnly === true;
  const walks = walksCatalogue(input.filter);
  // The caller's held lease comes first, while it still fits: the insert below then renews it
  // (its conflict is the caller's own lease), and nothing else runs (Append runs its branches in
  // order and LIMIT 1 stops it). The catalogue-order filters check it with the walk's own
  // per-string check, as the walk's first string (its slot lock is tried too: only a rival whose
  // snapshot predates the lease tries it, and should it win, the caller walks on to the next free
  // string and releases the old one); ALL, whose first try walks with another condition, checks
  // it apart. A separate UPDATE of the held lease (until issue 15's twenty-second pass) put a
  // second copy of the filter's subplans in every claim's plan, started on each call whether it
  // ran or not.
  const mine = `SELECT mine.string_id AS id FROM string_lease mine
              WHERE mine.user_id = ${U} AND mine.locale_id = ${L} AND mine.expires_at > ${NOW}
                AND NOT (mine.string_id = ANY(${SKIP}::uuid[]))`;
  const fits = `${live} AND ${queueCondition(input, U, params)}`;
  const walk = { walkOnly, P, L, open, free, freeProbe };
  let pick: string;
  if (walks) {
    const after = '((SELECT position FROM resume), (SELECT id FROM resume))';
    pick = catalogueOrderPick({ ...walk, held: mine, fits, after });
  } else {
    const held = `SELECT s.id FROM (${mine}) h
           JOIN source_string s ON s.id = h.id
           LEFT JOIN translation_unit u ON u.string_id = s.id AND u.locale_id = ${L}
          WHERE ${fits}
          ORDER BY s.position, s.id LIMIT 1`;
    // ALL's first try walks the first strings without a candidate, from the catalogue's start,
    // since those rank first; its second try ranks the locale.
    const rest = walkOnly
      ? catalogueOrderPick({
          ...walk,
          held: null,
          fits: `${live} AND ${NO_CANDIDATE_YET}`,
          after: null,
        })
      : `SELECT c.id FROM (
        SELECT s.id FROM source_string s
          LEFT JOIN translation_unit u ON u.string_id = s.id AND u.locale_id = ${L}
         WHERE ${open} AND ${fits} AND ${free}
         ORDER BY ${CANDIDATE_COUNT}, s.position, s.id
        OFFSET 0
      ) c
       WHERE pg_try_advisory_xact_lock(hashtext(${L}::text), hashtext(c.id::text))
       LIMIT 1`;
    pick = `SELECT id FROM ((${held}) UNION ALL (${rest})) picked LIMIT 1`;
  }
  const resume = walks ? `\n    resume AS (${resumePoint(input.filter, { U, L, P, SKIP })}),` : '';
  const text = `WITH p AS (SELECT id, slug, visibility FROM project WHERE slug = ${SLUG}),
    ok AS (SELECT p.id FROM p WHERE p.visibility = 'public'
             OR EXISTS (SELECT 1 FROM membership m WHERE m.project_id = p.id AND m.user_id = ${U})),
    loc AS (SELECT id FROM locale WHERE project_id = ${P} AND code = ${C}),${resume}
    pick AS (
      ${pick}
    ), leased AS (
      INSERT INTO string_lease (string_id, locale_id, user_id, expires_at)
      SELECT id, ${L}, ${U}, ${EXP} FROM pick
      ON CONFLICT (string_id, locale_id) DO UPDATE
        SET user_id = EXCLUDED.user_id, expires_at = EXCLUDED.expires_at
        WHERE string_lease.expires_at <= ${NOW} OR string_lease.user_id = EXCLUDED.user_id
      RETURNING string_id
    ), released AS (
      -- A volunteer works on one string at a time: the new lease frees their others here.
      DELETE FROM string_lease l
       WHERE l.user_id = ${U} AND l.locale_id = ${L}
         AND l.string_id <> (SELECT string_id FROM leased)
    )
    SELECT p.id AS project_id, p.slug, p.visibility,
           EXISTS (SELECT 1 FROM ok) AS allowed,
           EXISTS (SELECT 1 FROM loc) AS locale_known,
           (SELECT count(*) FROM pick)::int AS picked,
           (SELECT string_id FROM leased LIMIT 1) AS claimed,
           (SELECT row_to_json(r) FROM (
              SELECT ${STRING_ROW_COLUMNS}
                FROM source_string s
                JOIN namespace n ON n.id = s.namespace_id
                LEFT JOIN translation_unit u ON u.string_id = s.id AND u.locale_id = ${L}
               WHERE s.id = (SELECT string_id FROM leased LIMIT 1) AND s.project_id = ${P}
           ) r) AS string
      FROM p`;
  return {
    text: internedText(`${input.filter}${walkOnly ? ':walk' : ''}`, text),
    values: params.values,
  };
}

/**
 * The claim's text depends on the filter and walkOnly alone (the values are parameters). Handing
 * out one string per variant, instead of the freshly concatenated copy, saves its flattening and hashing on every
 * call: the prepared statement's name lookup and node-postgres' "same text as prepared?" check
 * then compare a string with itself.
 */
const claimTexts = new Map<string, string>();

function internedText(variant: string, text: string): string {
  const known = claimTexts.get(variant);
  if (known !== undefined) return known;
  claimTexts.set(variant, text);
  return text;
}

/** The filter, and for voters: strings they have not voted on with someone else's candidate. */
function queueCondition(input: ClaimInput, U: string, params: SqlParams): string {
  const base = filterCondition(input.filter, input.userId, params);
  if (input.filter !== StringFilter.NEEDS_VOTES) return base;
  return `${base}
      AND NOT EXISTS (SELECT 1 FROM vote v WHERE v.unit_id = u.id AND v.voter_id = ${U})
      AND EXISTS (SELECT 1 FROM translation t WHERE t.unit_id = u.id AND t.status = 'active'
            AND t.source_hash = s.source_hash AND t.author_id <> ${U})`;
}

/**
 * The pick for the filters served in catalogue order (every filter but ALL, see walksCatalogue),
 * from the volunteer's resume point (resumePoint). The planner cannot see how many strings of a locale are already taken (it plans
 * the unit join of an untranslated locale, with no units yet, as a handful of rows), and sorted
 * every string of the project on each call. So the first branch walks the (project, position, id)
 * index in order and checks each string with its own lookups (EXISTS … OFFSET 0 stays a per-row
 * subplan), which finds a free string of a fresh locale within the first few dozen; it looks at
 * the first WALK_WINDOW strings at most. Only when none of those is won does the second branch,
 * the set-based query over all strings, run (Append runs its branches in order and LIMIT 1 stops
 * it): a locale translated far into its catalogue pays one bounded walk more than before.
 * nextString first sends the walk alone (`walkOnly`, a plan half the size, so a smaller start-up
 * on every call: ~30 µs of Postgres per claim) and the whole pick only when the walk found nothing.
 */
function catalogueOrderPick(q: {
  /** The walk alone: no set-based branch (it costs its plan's start-up on every call). */
  walkOnly: boolean;
  P: string;
  L: string;
  open: string;
  /** Not leased by someone else, for the set-based branch. */
  free: string;
  /** The same as one probe of the lease key, checked in the walk itself, so the strings other
   * volunteers hold cost no per-string `fits` subplan. */
  freeProbe: string;
  /** The caller's held leases (`SELECT … AS id`): checked first, without `free` (they are the caller's). */
  held: string | null;
  /** The filter's conditions on a string (`free` is checked beside them). */
  fits: string;
  /** Where the walk starts: a `(position, id)` row value (the walk takes strings after it). */
  after: string | null;
}): string {
  const lock = (alias: string) =>
    `pg_try_advisory_xact_lock(hashtext(${q.L}::text), hashtext(${alias}.id::text))`;
  const from = q.after === null ? '' : ` AND (s.position, s.id) > ${q.after}`;
  const window = `SELECT s.id FROM source_string s
              WHERE s.project_id = ${q.P} AND s.removed_at IS NULL AND ${q.open} AND ${q.freeProbe}${from}
              ORDER BY s.position, s.id
              LIMIT ${WALK_WINDOW}`;
  const candidates = q.held === null ? window : `(${q.held}) UNION ALL (${window})`;
  const walk = `(SELECT w.id FROM (
           SELECT c.id FROM (${candidates}) c
            WHERE EXISTS (
              SELECT 1 FROM source_string s
                LEFT JOIN translation_unit u ON u.string_id = s.id AND u.locale_id = ${q.L}
               WHERE s.id = c.id AND ${q.fits}
              OFFSET 0)
           OFFSET 0) w
          WHERE ${lock('w')}
          LIMIT 1)`;
  if (q.walkOnly) return `SELECT id FROM ${walk} picked`;
  const everything = `(SELECT c.id FROM (
           SELECT s.id FROM source_string s
             LEFT JOIN translation_unit u ON u.string_id = s.id AND u.locale_id = ${q.L}
            WHERE ${q.open} AND ${q.fits} AND ${q.free}
            ORDER BY s.position, s.id
           OFFSET 0) c
          WHERE ${lock('c')}
          LIMIT 1)`;
  return `SELECT id FROM (${walk} UNION ALL ${everything}) picked LIMIT 1`;
}

/** Strings the ordered walk looks at before the set-based query takes over. */
const WALK_WINDOW = 256;

/** The caller's latest votes or candidates (any locale) among which their resume point is sought. */
const RESUME_LOOKBACK = 32;

/**
 * Where a volunteer's walk resumes (one row, `(position, id)`): after the latest of the string of
 * their latest vote (NEEDS_VOTES) or candidate (UNTRANSLATED, STALE) in this locale, and the
 * strings they skipped; from the start when there is none. Volunteers move through the catalogue,
 * and the strings behind them are mostly taken: walking from the start, a voter who had voted on
 * the first 5k of 10k strings under vote sent every claim past the walk's window to the set-based
 * branch (146–212 ms of Postgres), a translator in a locale translated through its first 80 %
 * likewise (39–45 ms); resumed, the walk finds the next string at once. Strings left behind are
 * still handed out, by the set-based branch, once none is left after the resume point. It is the
 * claim's `resume` CTE (read twice, so computed once), whose two columns bound the walk's index
 * range; the latest vote and candidate are read backwards on the (voter_id, cast_at) and
 * (author_id, created_at) indexes.
 */
function resumePoint(
  filter: StringFilter,
  q: { U: string; L: string; P: string; SKIP: string },
): string {
  // The caller's latest rows first (their index, backwards), at most RESUME_LOOKBACK of them, then
  // the latest of those in this locale: a generic plan otherwise joined every unit of the locale.
  const mark = (rows: string) => `(SELECT s.position, s.id FROM (${rows}
          ORDER BY at DESC LIMIT ${RESUME_LOOKBACK}) x
        JOIN translation_unit u ON u.id = x.unit_id
        JOIN source_string s ON s.id = u.string_id
       WHERE u.locale_id = ${q.L} AND s.project_id = ${q.P}
       ORDER BY x.at DESC, x.id DESC LIMIT 1)`;
  const marks = [
    `SELECT -1 AS position, '00000000-0000-0000-0000-000000000000'::uuid AS id`,
    // By primary key, then sorted: ordered by the (project, position, id) index instead, the
    // generic plan scanned the project's strings backwards for the skipped ones (9.8k rows, 1.5 ms
    // per claim at 10k strings in W5).
    `(SELECT k.position, k.id FROM (SELECT s.position, s.id FROM source_string s
         WHERE s.id = ANY(${q.SKIP}::uuid[]) AND s.project_id = ${q.P} OFFSET 0) k
      ORDER BY k.position DESC, k.id DESC LIMIT 1)`,
  ];
  if (filter === StringFilter.NEEDS_VOTES)
    marks.push(
      mark(`SELECT v.id, v.unit_id, v.cast_at AS at FROM vote v WHERE v.voter_id = ${q.U}`),
    );
  if (filter === StringFilter.UNTRANSLATED || filter === StringFilter.STALE)
    marks.push(
      mark(
        `SELECT t.id, t.unit_id, t.created_at AS at FROM translation t WHERE t.author_id = ${q.U}`,
      ),
    );
  return `SELECT m.position, m.id FROM (${marks.join(' UNION ALL ')}) m
      ORDER BY m.position DESC, m.id DESC LIMIT 1`;
}
