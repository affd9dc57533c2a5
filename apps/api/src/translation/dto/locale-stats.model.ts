import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('LocaleStats', { description: 'Progress of one locale over the live strings.' })
export class LocaleStatsModel {
  @Field(() => String)
  locale!: string;

  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  untranslated!: number;

  @Field(() => Int)
  voting!: number;

  @Field(() => Int)
  decided!: number;

  @Field(() => Int)
  stale!: number;

  @Field(() => Float, { description: 'decided / total × 100' })
  coverage!: number;
}
