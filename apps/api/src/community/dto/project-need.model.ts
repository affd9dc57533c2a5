import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ProjectModel } from '../../catalogue/dto/project.model';
import { LocaleGoalModel } from './locale-goal.model';

@ObjectType('LocaleNeed', { description: 'What one locale of an open project is missing.' })
export class LocaleNeedModel {
  @Field(() => String)
  locale!: string;

  @Field(() => Int)
  total!: number;

  @Field(() => Int, { description: 'Strings without a current candidate or winner' })
  untranslated!: number;

  @Field(() => Int, { description: 'Strings with candidates waiting for votes' })
  voting!: number;

  @Field(() => Int, { description: 'Strings whose round waits for a manager' })
  needsDecision!: number;

  @Field(() => Boolean, { description: 'The owner asks for help with this locale' })
  helpWanted!: boolean;

  @Field(() => LocaleGoalModel, { nullable: true })
  goal!: LocaleGoalModel | null;
}

@ObjectType('ProjectNeed')
export class ProjectNeedModel {
  @Field(() => ProjectModel)
  project!: ProjectModel;

  @Field(() => [LocaleNeedModel], { description: 'The matching locales, help wanted first' })
  locales!: LocaleNeedModel[];
}

@ObjectType('ProjectNeedPage')
export class ProjectNeedPageModel {
  @Field(() => [ProjectNeedModel])
  items!: ProjectNeedModel[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page' })
  endCursor!: string | null;
}
