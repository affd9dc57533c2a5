import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('LocaleGoal', {
  description: 'An owner\'s goal for a locale: "pl 100% by 31 January".',
})
export class LocaleGoalModel {
  @Field(() => String)
  locale!: string;

  @Field(() => Int)
  targetPercent!: number;

  @Field(() => String, { description: 'YYYY-MM-DD; due at the end of that day, UTC' })
  dueDate!: string;

  @Field(() => Float, { description: 'Coverage now (decided / live strings, percent)' })
  coverage!: number;

  @Field(() => Int, { description: 'Whole days left until the due date (negative when overdue)' })
  daysLeft!: number;

  @Field(() => Boolean)
  reached!: boolean;
}
