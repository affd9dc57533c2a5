import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { RateLimitGuard } from '../common/rate-limit/rate-limit.guard';
import { RateLimitModule } from '../common/rate-limit/rate-limit.module';
import { AccessService } from './access.service';
import { ApiTokenEntity } from './api-token.entity';
import { ApiTokenResolver } from './api-token.resolver';
import { ApiTokenService } from './api-token.service';
import { MembershipEntity } from './membership.entity';
import { MembershipResolver } from './membership.resolver';
import { MembershipService } from './membership.service';
import { ProjectTokenGuard } from './project-token.guard';
import { AuthGuard } from './auth.guard';
import { BearerAuthService } from './bearer-auth.service';
import { SignInThrottle } from './sign-in-throttle.service';
import { IdentityResolver } from './identity.resolver';
import { IdentityService } from './identity.service';
import { InstanceAdminService } from './instance-admin.service';
import { SessionEntity } from './session.entity';
import { SessionService } from './session.service';
import { UserEntity } from './user.entity';
import { UserBanResolver } from './user-ban.resolver';
import { UserBanService } from './user-ban.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, SessionEntity, ApiTokenEntity, MembershipEntity]),
    AuditModule,
    RateLimitModule,
  ],
  providers: [
    IdentityService,
    SessionService,
    AccessService,
    ApiTokenService,
    MembershipService,
    BearerAuthService,
    SignInThrottle,
    InstanceAdminService,
    UserBanService,
    IdentityResolver,
    UserBanResolver,
    ApiTokenResolver,
    MembershipResolver,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: ProjectTokenGuard },
    // After the AuthGuard: per-user limits need the principal.
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
  exports: [
    IdentityService,
    SessionService,
    AccessService,
    ApiTokenService,
    BearerAuthService,
    InstanceAdminService,
    RateLimitModule,
  ],
})
export class IdentityModule {}
