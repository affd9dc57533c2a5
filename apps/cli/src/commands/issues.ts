import { EXIT } from '../failure';
import type { ChorusHttp } from '../http';
import type { CliIo } from '../io';

interface IssueComment {
  readonly body: string;
  readonly authorName: string;
  readonly official: boolean;
}

export interface ServerIssue {
  readonly id: string;
  readonly stringKey: string;
  readonly createdAt: string;
  readonly officialAnswer: IssueComment | null;
  readonly commentCount: number;
  readonly comments: readonly IssueComment[];
}

interface IssuePage {
  readonly items: readonly ServerIssue[];
  readonly nextCursor: string | null;
}

/** Stops after this many pages (5000 issues): a listing, not an export. */
const PAGES_MAX = 50;

/** One line of a comment, for a terminal: whitespace collapsed, cut at `width`. */
export function oneLine(text: string, width: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= width ? line : `${line.slice(0, width - 1)}…`;
}

/** `chorus issues`: the source strings that translators flagged as source issues. */
export async function issues(
  io: CliIo,
  http: ChorusHttp,
  options: { readonly project: string; readonly json: boolean },
): Promise<number> {
  const all: ServerIssue[] = [];
  let after: string | null = null;
  for (let page = 0; page < PAGES_MAX; page += 1) {
    const query: string = after === null ? '' : `&after=${encodeURIComponent(after)}`;
    const { body }: { body: IssuePage } = await http.json<IssuePage>(
      `/api/projects/${encodeURIComponent(options.project)}/issues?first=100${query}`,
    );
    all.push(...body.items);
    after = body.nextCursor;
    if (after === null) break;
  }
  if (options.json) {
    io.out(`${JSON.stringify({ project: options.project, issues: all })}\n`);
    return EXIT.ok;
  }
  if (all.length === 0) {
    io.out(`${options.project}: no source issues\n`);
    return EXIT.ok;
  }
  io.out(`${options.project}: ${all.length} source issue(s)\n`);
  for (const issue of all) {
    const question = issue.comments[0];
    io.out(`  ${issue.stringKey}  (${issue.commentCount} comment(s))\n`);
    if (question !== undefined)
      io.out(`    ? ${question.authorName}: ${oneLine(question.body, 100)}\n`);
    if (issue.officialAnswer !== null)
      io.out(
        `    ✓ ${issue.officialAnswer.authorName}: ${oneLine(issue.officialAnswer.body, 100)}\n`,
      );
  }
  return EXIT.ok;
}
