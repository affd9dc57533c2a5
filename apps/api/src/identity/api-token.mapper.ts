import type { ApiTokenEntity } from './api-token.entity';
import type { ApiTokenModel } from './dto/api-token.model';

/** Never copies the hash: the model has no field for it. */
export function toApiTokenModel(token: ApiTokenEntity): ApiTokenModel {
  return {
    id: token.id,
    name: token.name,
    scopes: token.scopes,
    createdAt: token.createdAt,
    lastUsedAt: token.lastUsedAt,
    revokedAt: token.revokedAt,
  };
}
