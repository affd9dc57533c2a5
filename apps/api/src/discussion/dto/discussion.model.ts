import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('DiscussionComment', {
  description: 'A comment: plain text, to be shown as text (never as HTML).',
})
export class DiscussionCommentModel {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  body!: string;

  @Field(() => ID)
  authorId!: string;

  @Field(() => String)
  authorName!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Boolean, { description: "The thread's official answer." })
  official!: boolean;

  @Field(() => [String], {
    description: 'Display names of the users its @mentions reached (unknown names stay text).',
  })
  mentions!: string[];
}

@ObjectType('DiscussionThread')
export class DiscussionThreadModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  stringId!: string;

  @Field(() => String, { description: 'The source string key.' })
  stringKey!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The locale discussed; null: a question about the source text.',
  })
  locale!: string | null;

  @Field(() => Boolean, { description: 'A source question flagged for the developers.' })
  sourceIssue!: boolean;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  lastCommentAt!: Date;

  @Field(() => DiscussionCommentModel, { nullable: true })
  officialAnswer!: DiscussionCommentModel | null;

  @Field(() => Int)
  commentCount!: number;

  @Field(() => [DiscussionCommentModel], {
    description: 'The first comment is the question; at most 100, oldest first.',
  })
  comments!: DiscussionCommentModel[];
}

@ObjectType('DiscussionViewerRights', {
  description: 'What the viewer may do here, so a page offers only the controls that work.',
})
export class DiscussionViewerRightsModel {
  @Field(() => Boolean, { description: 'Ask a question or comment (discussion.post).' })
  post!: boolean;

  @Field(() => Boolean, { description: 'Mark official answers to source questions.' })
  answerSource!: boolean;

  @Field(() => Boolean, { description: "Mark official answers in this locale's threads." })
  answerLocale!: boolean;

  @Field(() => Boolean, { description: 'Flag source questions as source issues.' })
  markIssue!: boolean;
}

@ObjectType('StringDiscussion')
export class StringDiscussionModel {
  @Field(() => DiscussionViewerRightsModel)
  viewer!: DiscussionViewerRightsModel;

  @Field(() => [DiscussionThreadModel], {
    description:
      'Answered source questions first (their official answers belong next to the source text in every locale), then the rest, latest activity first; at most 50.',
  })
  threads!: DiscussionThreadModel[];
}

@ObjectType('SourceIssuePage')
export class SourceIssuePageModel {
  @Field(() => [DiscussionThreadModel])
  items!: DiscussionThreadModel[];

  @Field(() => String, { nullable: true })
  nextCursor!: string | null;
}
