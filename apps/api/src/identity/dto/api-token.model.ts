import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ApiTokenScope } from '../api-token.entity';

/** GraphQL enum of token scopes (values equal the stored strings). */
export const API_TOKEN_SCOPES: { readonly [K in ApiTokenScope]: K } = {
  pull: 'pull',
  push: 'push',
};

registerEnumType(API_TOKEN_SCOPES, {
  name: 'ApiTokenScope',
  description: 'pull: download bundles; push: upload catalogues',
});

@ObjectType('ApiToken', {
  description: 'A project API token for CI; the secret is never shown again.',
})
export class ApiTokenModel {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [API_TOKEN_SCOPES])
  scopes!: ApiTokenScope[];

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;
}

@ObjectType('CreatedApiToken')
export class CreatedApiTokenModel {
  @Field(() => ApiTokenModel)
  token!: ApiTokenModel;

  @Field(() => String, {
    description: 'The secret (`chorus_…`), shown exactly once: store it in your CI secrets now.',
  })
  secret!: string;
}
