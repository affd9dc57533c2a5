import { Module } from '@nestjs/common';
import { RateLimitService } from './rate-limit.service';

/** The shared counters; the RateLimitGuard is registered by IdentityModule after the AuthGuard. */
@Module({
  providers: [RateLimitService],
  exports: [RateLimitService],
})
export class RateLimitModule {}
