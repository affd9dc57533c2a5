import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { commonError } from '../common/errors/common.errors';
import { AccessService, type Caller } from '../identity/access.service';
import { RequireTokenScope, type TokenRequest } from '../identity/project-token.guard';
import { DiscussionQueryService } from './discussion-query.service';
import type { SourceIssuePageModel } from './dto/discussion.model';

function callerOf(req: TokenRequest): Caller | null {
  if (req.token !== undefined && req.token !== null) return { token: req.token };
  if (req.principal !== undefined && req.principal !== null)
    return { userId: req.principal.userId };
  return null;
}

/**
 * `GET /api/projects/:slug/issues`: the source issues for the developers (`chorus issues`), with
 * a project API token (`pull`) or a session of someone who may read the project.
 */
@Controller('api')
export class SourceIssuesController {
  constructor(
    private readonly reads: DiscussionQueryService,
    private readonly access: AccessService,
  ) {}

  @Get('projects/:slug/issues')
  @RequireTokenScope('pull')
  async issues(
    @Param('slug') slug: string,
    @Query('first') first: unknown,
    @Query('after') after: unknown,
    @Req() req: TokenRequest,
  ): Promise<SourceIssuePageModel> {
    const count = first === undefined ? 50 : typeof first === 'string' ? Number(first) : NaN;
    if (after !== undefined && typeof after !== 'string') {
      throw commonError('BAD_USER_INPUT', 'Give "after" once.');
    }
    const caller = callerOf(req);
    const project =
      caller !== null && 'userId' in caller
        ? await this.reads.readableProject(slug, caller.userId)
        : await this.access.requireProjectFor(caller, slug, 'member.view');
    return this.reads.sourceIssues(project.id, count, after);
  }
}
