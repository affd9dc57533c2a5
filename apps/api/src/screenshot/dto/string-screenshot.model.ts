import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { KeyScreenshot } from '../screenshot.service';

@ObjectType('StringScreenshot', {
  description: 'A screenshot of the running app (in-context package) and where this key is on it',
})
export class StringScreenshotModel {
  @Field(() => ID)
  id!: string;

  @Field(() => String, {
    description: 'Where the image is served (GET, same access as the project)',
  })
  url!: string;

  @Field(() => Int, { description: 'The key region, in image pixels' })
  x!: number;

  @Field(() => Int)
  y!: number;

  @Field(() => Int)
  width!: number;

  @Field(() => Int)
  height!: number;

  @Field(() => Int)
  imageWidth!: number;

  @Field(() => Int)
  imageHeight!: number;

  @Field(() => Date)
  createdAt!: Date;
}

export function toStringScreenshotModel(s: KeyScreenshot): StringScreenshotModel {
  return {
    id: s.screenshotId,
    url: `/api/screenshots/${s.screenshotId}`,
    x: s.x,
    y: s.y,
    width: s.width,
    height: s.height,
    imageWidth: s.imageWidth,
    imageHeight: s.imageHeight,
    createdAt: s.createdAt,
  };
}
