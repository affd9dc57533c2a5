/**
 * A project's contributors in one locale with their tallies ($1 project id, $2 locale code,
 * $3 locale id): the ledger's sums (read index-only from the project's own rows,
 * IDX_reputation_ledger_project_locale), their votes and how many were evaluated, their
 * candidates. ProgressService ranks the rows.
 */
export const LEADERBOARD_SQL = `WITH ledger AS (
     SELECT user_id, sum(accepted) AS accepted, sum(agree) AS agree, sum(disagree) AS disagree
       FROM reputation_ledger WHERE project_id = $1 AND locale = $2
      GROUP BY user_id
   ), evaluated AS (
     SELECT v.voter_id AS user_id, count(*) AS n,
            count(e.round_id) AS evaluated
       FROM vote v JOIN translation_unit u ON u.id = v.unit_id
       LEFT JOIN vote_evaluation e ON e.translation_id = v.translation_id AND e.voter_id = v.voter_id
      WHERE u.project_id = $1 AND u.locale_id = $3
      GROUP BY v.voter_id
   ), written AS (
     SELECT t.author_id AS user_id, count(*) AS n
       FROM translation t JOIN translation_unit u ON u.id = t.unit_id
      WHERE u.project_id = $1 AND u.locale_id = $3 AND t.origin <> 'import'
      GROUP BY t.author_id
   ), contributors AS (
     -- Everyone who contributed: a ledger entry needs a decided round, so candidates and votes
     -- still waiting for one count too (a translator with six open candidates is on the board).
     SELECT user_id FROM ledger UNION SELECT user_id FROM written UNION SELECT user_id FROM evaluated
   )
   SELECT c.user_id, usr.display_name, usr.created_at,
          coalesce(l.accepted, 0)::float8 AS accepted, coalesce(l.agree, 0)::float8 AS agree,
          coalesce(l.disagree, 0)::float8 AS disagree,
          coalesce(e.evaluated, 0)::int AS evaluated_votes, coalesce(e.n, 0)::int AS votes,
          coalesce(w.n, 0)::int AS translations
     FROM contributors c
     JOIN "user" usr ON usr.id = c.user_id
     LEFT JOIN ledger l ON l.user_id = c.user_id
     LEFT JOIN evaluated e ON e.user_id = c.user_id
     LEFT JOIN written w ON w.user_id = c.user_id
    WHERE usr.banned_at IS NULL`;
