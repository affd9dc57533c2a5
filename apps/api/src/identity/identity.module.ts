import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { AuthGuard } from './auth.guard';
import { IdentityResolver } from './identity.resolver';
import { IdentityService } from './identity.service';
import { SessionEntity } from './session.entity';
import { SessionService } from './session.service';
import { UserEntity } from './user.entity';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, SessionEntity]), AuditModule],
  providers: [
    IdentityService,
    SessionService,
    IdentityResolver,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [IdentityService, SessionService],
})
export class IdentityModule {}
