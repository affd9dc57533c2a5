import { errorFactory } from '../common/errors/app-error';

export type DiscussionErrorCode =
  | 'THREAD_NOT_FOUND'
  | 'COMMENT_NOT_FOUND'
  | 'COMMENT_INVALID'
  | 'NOT_OFFICIAL_AUTHOR'
  | 'NOT_A_SOURCE_QUESTION';

export const discussionError = errorFactory<DiscussionErrorCode>({
  THREAD_NOT_FOUND: 404,
  COMMENT_NOT_FOUND: 404,
  COMMENT_INVALID: 400,
  NOT_OFFICIAL_AUTHOR: 400,
  NOT_A_SOURCE_QUESTION: 400,
});
