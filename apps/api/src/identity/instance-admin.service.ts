import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { commonError } from '../common/errors/common.errors';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env.schema';

/**
 * Instance administrators: the accounts whose email is listed in ADMIN_EMAILS (and not banned).
 * They see across tenants (queue statistics) and ban accounts server-wide; project owners do not.
 */
@Injectable()
export class InstanceAdminService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async isAdmin(userId: string): Promise<boolean> {
    if (this.config.adminEmails.length === 0) return false;
    const [user] = await this.dataSource.query<{ email: string; banned: boolean }[]>(
      'SELECT email, banned_at IS NOT NULL AS banned FROM "user" WHERE id = $1',
      [userId],
    );
    return (
      user !== undefined &&
      !user.banned &&
      this.config.adminEmails.includes(user.email.toLowerCase())
    );
  }

  /** Throws FORBIDDEN, saying what needs the role, unless `userId` is an instance administrator. */
  async require(userId: string, what: string): Promise<void> {
    if (!(await this.isAdmin(userId))) {
      throw commonError('FORBIDDEN', `${what}: instance administrators only (ADMIN_EMAILS).`);
    }
  }
}
