/**
 * A voter's reputation in one locale, as SQL: one row (agree, disagree, both float8, never null)
 * for the user `userSql` in the locale code `localeSql`. It is the folded total
 * (voter_reputation_total, written by ReputationFolder) plus the ledger rows not folded yet, read
 * index-only from the partial sum index; both in the statement's one snapshot, and the folder
 * flags rows and adds them to the total in one statement, so a reader sees every row exactly once.
 * The vote statement, voterProfile and the community read all use it: they must agree.
 */
export function voterReputationSql(userSql: string, localeSql: string): string {
  return `SELECT COALESCE(tot.agree, 0)::float8 + COALESCE(rest.agree, 0)::float8 AS agree,
         COALESCE(tot.disagree, 0)::float8 + COALESCE(rest.disagree, 0)::float8 AS disagree
    FROM (SELECT sum(l.agree) AS agree, sum(l.disagree) AS disagree FROM reputation_ledger l
           WHERE l.user_id = ${userSql} AND l.locale = ${localeSql} AND l.kind = 'voter'
             AND NOT l.folded) rest
    LEFT JOIN voter_reputation_total tot ON tot.user_id = ${userSql} AND tot.locale = ${localeSql}`;
}
