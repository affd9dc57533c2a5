import { document } from '../graphql-client';

export interface DiscussionComment {
  readonly id: string;
  readonly body: string;
  readonly authorName: string;
  readonly createdAt: string;
  readonly official: boolean;
  readonly mentions: readonly string[];
}

export interface DiscussionThread {
  readonly id: string;
  readonly locale: string | null;
  readonly sourceIssue: boolean;
  readonly commentCount: number;
  readonly officialAnswer: DiscussionComment | null;
  readonly comments: readonly DiscussionComment[];
}

export interface DiscussionRights {
  readonly post: boolean;
  readonly answerSource: boolean;
  readonly answerLocale: boolean;
  readonly markIssue: boolean;
}

export interface StringDiscussion {
  readonly viewer: DiscussionRights;
  readonly threads: readonly DiscussionThread[];
}

/** The server's limit; the form counts characters the same way (code points). */
export const COMMENT_MAX_CHARS = 2_000;

const COMMENT = 'id body authorName createdAt official mentions';

export const STRING_DISCUSSION = document<
  { stringDiscussion: StringDiscussion },
  { stringId: string; locale: string }
>(
  `query StringDiscussion($stringId: ID!, $locale: String) { stringDiscussion(stringId: $stringId, locale: $locale) {
    viewer { post answerSource answerLocale markIssue }
    threads { id locale sourceIssue commentCount officialAnswer { ${COMMENT} } comments { ${COMMENT} } } } }`,
);

export const START_THREAD = document<
  { startThread: { threadId: string } },
  { input: { stringId: string; locale: string | null; body: string } }
>('mutation StartThread($input: StartThreadInput!) { startThread(input: $input) { threadId } }');

export const POST_COMMENT = document<
  { postComment: { commentId: string } },
  { threadId: string; body: string }
>(
  'mutation PostComment($threadId: ID!, $body: String!) { postComment(threadId: $threadId, body: $body) { commentId } }',
);

export const MARK_OFFICIAL_ANSWER = document<
  { markOfficialAnswer: string },
  { commentId: string; official: boolean }
>(
  'mutation MarkOfficialAnswer($commentId: ID!, $official: Boolean) { markOfficialAnswer(commentId: $commentId, official: $official) }',
);

export const MARK_SOURCE_ISSUE = document<
  { markSourceIssue: string },
  { threadId: string; issue: boolean }
>(
  'mutation MarkSourceIssue($threadId: ID!, $issue: Boolean) { markSourceIssue(threadId: $threadId, issue: $issue) }',
);
