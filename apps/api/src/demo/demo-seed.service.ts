import { Injectable, Logger } from '@nestjs/common';
import { ProjectService } from '../catalogue/project.service';
import { IdentityService } from '../identity/identity.service';
import { DEMO_LOGIN, DEMO_PROJECT } from './demo-credentials';

/** Seeds the demo account and project for `npm start`; idempotent, never touches existing data. */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    private readonly identity: IdentityService,
    private readonly projects: ProjectService,
  ) {}

  async seed(): Promise<void> {
    const user = await this.identity.ensureUser(
      DEMO_LOGIN.email,
      DEMO_LOGIN.password,
      'Demo Owner',
    );
    if ((await this.projects.findBySlug(DEMO_PROJECT.slug)) === null) {
      await this.projects.create(user.id, { ...DEMO_PROJECT, visibility: 'public' });
      this.logger.log(`Seeded demo project "${DEMO_PROJECT.slug}"`);
    }
  }
}
