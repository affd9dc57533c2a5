import type { MeModel, UserModel } from './dto/user.model';
import type { UserEntity } from './user.entity';

export function toUserModel(user: Pick<UserEntity, 'id' | 'displayName' | 'createdAt'>): UserModel {
  return { id: user.id, displayName: user.displayName, createdAt: user.createdAt };
}

export function toMeModel(user: UserEntity): MeModel {
  return { ...toUserModel(user), email: user.email, languages: [...user.languages] };
}
