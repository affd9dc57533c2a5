import { Injectable } from '@nestjs/common';
import { RateLimitService } from '../common/rate-limit/rate-limit.service';

/**
 * Brute-force brakes on sign-in, counted on failures only (a user who types the right password
 * is never slowed): per IP, per account across IPs, and consecutive failures per account and IP
 * (reset by a success), as OWASP's credential-stuffing guidance and rate-limiter-flexible's
 * login example do. Keys use the normalised email, whether or not such an account exists, so a
 * refusal says nothing about registration.
 */
@Injectable()
export class SignInThrottle {
  constructor(private readonly limits: RateLimitService) {}

  async assertOpen(email: string, ip: string): Promise<void> {
    const account = normalise(email);
    await this.limits.assertOpen('signInFailsPerIp', ip);
    await this.limits.assertOpen('signInConsecutiveFails', `${account}|${ip}`);
    await this.limits.assertOpen('signInFailsPerAccount', account);
  }

  async failed(email: string, ip: string): Promise<void> {
    const account = normalise(email);
    await Promise.all([
      this.limits.recordFailure('signInFailsPerIp', ip),
      this.limits.recordFailure('signInConsecutiveFails', `${account}|${ip}`),
      this.limits.recordFailure('signInFailsPerAccount', account),
    ]);
  }

  async succeeded(email: string, ip: string): Promise<void> {
    await this.limits.reset('signInConsecutiveFails', `${normalise(email)}|${ip}`);
  }
}

function normalise(email: string): string {
  return email.trim().toLowerCase();
}
