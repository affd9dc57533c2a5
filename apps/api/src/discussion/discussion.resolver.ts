import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../common/auth/public.decorator';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import type { Principal } from '../common/auth/request-context';
import { RateLimited } from '../common/rate-limit/rate-limited.decorator';
import { ISSUES_PAGE_MAX, DiscussionQueryService } from './discussion-query.service';
import { DiscussionService } from './discussion.service';
import { StartThreadInput } from './dto/discussion.input';
import { SourceIssuePageModel, StringDiscussionModel } from './dto/discussion.model';
import { PostedCommentModel } from './dto/posted-comment.model';
import { READ_BUDGET } from '../common/rate-limit/read-budget';

/** Questions and comments on strings (issue 18 item 3). */
@Resolver()
export class DiscussionResolver {
  constructor(
    private readonly discussions: DiscussionService,
    private readonly reads: DiscussionQueryService,
  ) {}

  @Public()
  @RateLimited('reads')
  @Query(() => StringDiscussionModel, {
    description: `A string's questions to the developers (every locale sees them) and its threads in \`locale\`. ${READ_BUDGET}`,
  })
  stringDiscussion(
    @Args('stringId', { type: () => ID }) stringId: string,
    @Args('locale', { type: () => String, nullable: true }) locale: string | null | undefined,
    @CurrentPrincipal() principal: Principal | null,
  ): Promise<StringDiscussionModel> {
    return this.reads.forString(principal?.userId ?? null, stringId, locale ?? null);
  }

  @Public()
  @RateLimited('reads')
  @Query(() => SourceIssuePageModel, {
    description: `Source questions flagged as source issues for the developers, newest first. ${READ_BUDGET}`,
  })
  async sourceIssues(
    @Args('project') project: string,
    @Args('first', {
      type: () => Int,
      defaultValue: 50,
      description: `At most ${ISSUES_PAGE_MAX}.`,
    })
    first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null | undefined,
    @CurrentPrincipal() principal: Principal | null,
  ): Promise<SourceIssuePageModel> {
    const found = await this.reads.readableProject(project, principal?.userId ?? null);
    return this.reads.sourceIssues(found.id, first, after ?? undefined);
  }

  @Mutation(() => PostedCommentModel, {
    description:
      'Opens a thread on a string: about its translation in `locale`, or (no locale) a question to the developers about the source text.',
  })
  @RateLimited('comments')
  startThread(
    @Args('input') input: StartThreadInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PostedCommentModel> {
    return this.discussions.startThread(
      principal.userId,
      input.stringId,
      input.locale ?? null,
      input.body,
    );
  }

  @Mutation(() => PostedCommentModel, {
    description: 'Replies in a thread (plain text, @mentions notify).',
  })
  @RateLimited('comments')
  postComment(
    @Args('threadId', { type: () => ID }) threadId: string,
    @Args('body') body: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PostedCommentModel> {
    return this.discussions.postComment(principal.userId, threadId, body);
  }

  @RateLimited('writes')
  @Mutation(() => ID, {
    description:
      "Marks a developer's or manager's reply the thread's official answer (official: false clears it). Returns the thread id.",
  })
  markOfficialAnswer(
    @Args('commentId', { type: () => ID }) commentId: string,
    @Args('official', { type: () => Boolean, defaultValue: true }) official: boolean,
    @CurrentPrincipal() principal: Principal,
  ): Promise<string> {
    return this.discussions.markOfficial(principal.userId, commentId, official);
  }

  @RateLimited('writes')
  @Mutation(() => ID, {
    description:
      'Flags a source question a source issue for the developers (issue: false clears it). Returns the thread id.',
  })
  markSourceIssue(
    @Args('threadId', { type: () => ID }) threadId: string,
    @Args('issue', { type: () => Boolean, defaultValue: true }) issue: boolean,
    @CurrentPrincipal() principal: Principal,
  ): Promise<string> {
    return this.discussions.markSourceIssue(principal.userId, threadId, issue);
  }
}
