import { Field, ObjectType } from '@nestjs/graphql';
import { CandidateModel } from '../../translation/dto/candidate.model';
import { FindingModel } from '../../translation/dto/form.model';

@ObjectType('SubmitResult')
export class SubmitResultModel {
  @Field(() => CandidateModel)
  candidate!: CandidateModel;

  @Field(() => [FindingModel], { description: 'Check warnings: shown, not blocking' })
  warnings!: FindingModel[];

  @Field(() => Boolean, {
    description: 'The same text already existed: your submission counted as an upvote of it',
  })
  mergedIntoExisting!: boolean;
}
