import { Inject, Injectable, Logger } from '@nestjs/common';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CatalogueImportService } from '../catalogue/catalogue-import.service';
import { LocaleService } from '../catalogue/locale.service';
import { ProjectService } from '../catalogue/project.service';
import { OpenProjectService } from '../community/open-project.service';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env.schema';
import { DataSource } from 'typeorm';
import { IdentityService } from '../identity/identity.service';
import { VotingService } from '../voting/voting.service';
import { DEMO_LOGIN, DEMO_PROJECT } from './demo-credentials';
import { DEMO_EXAMPLE, seedExample } from './demo-example';
import { DEMO_PLAYGROUND, seedPlayground } from './demo-playground';

/**
 * Seeds `npm start`'s demo: an owner account and the project "chorus-ui", whose catalogue IS the
 * web client's own (DEMO_CATALOGUE_DIR/<locale>/translation.json): the source in English and the
 * shipped translations as imported winners, so the UI loads its bundles from this very server and
 * the community can improve them. Idempotent: re-imports change nothing unless the files changed,
 * and community decisions are never overwritten by an import. A second project, "playground",
 * has open work and short rounds (demo-playground.ts), seeded once; a third, "example", is the
 * example shop's catalogue for the in-context demo at /example/ (demo-example.ts).
 */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    private readonly identity: IdentityService,
    private readonly projects: ProjectService,
    private readonly importer: CatalogueImportService,
    private readonly voting: VotingService,
    private readonly dataSource: DataSource,
    private readonly locales: LocaleService,
    private readonly openProjects: OpenProjectService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async seed(): Promise<void> {
    // Belt and braces behind env validation: the demo password is public.
    if (this.config.nodeEnv === 'production') {
      this.logger.warn('Refusing to seed the demo account in production');
      return;
    }
    const user = await this.identity.ensureUser(
      DEMO_LOGIN.email,
      DEMO_LOGIN.password,
      'Demo Owner',
    );
    const playground = await seedPlayground(
      {
        identity: this.identity,
        projects: this.projects,
        importer: this.importer,
        voting: this.voting,
        dataSource: this.dataSource,
      },
      user.id,
    );
    if (playground) this.logger.log(`Seeded demo project "${DEMO_PLAYGROUND.slug}" with open work`);
    const example = await seedExample(
      {
        projects: this.projects,
        locales: this.locales,
        importer: this.importer,
        openProjects: this.openProjects,
      },
      user.id,
      this.config.demoExampleDir,
    );
    if (example) this.logger.log(`Seeded demo project "${DEMO_EXAMPLE.slug}" (in-context demo)`);
    const existing = await this.projects.findBySlug(DEMO_PROJECT.slug);
    if (existing === null) {
      await this.projects.create(
        user.id,
        { ...DEMO_PROJECT, visibility: 'public' },
        { system: true },
      );
      this.logger.log(`Seeded demo project "${DEMO_PROJECT.slug}"`);
    } else if (!existing.system) {
      // Someone else's project under the UI's slug (from before slugs were reserved): feed it nothing.
      this.logger.warn(
        `Project "${DEMO_PROJECT.slug}" exists but is not the instance's own; not importing the UI catalogue into it`,
      );
      return;
    }
    const dir = this.config.demoCatalogueDir;
    if (dir === null || !existsSync(join(dir, DEMO_PROJECT.sourceLocale, 'translation.json')))
      return;
    const locales = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'translation.json')))
      .map((e) => e.name)
      .sort((a, b) =>
        a === DEMO_PROJECT.sourceLocale ? -1 : b === DEMO_PROJECT.sourceLocale ? 1 : a < b ? -1 : 1,
      );
    for (const locale of locales) {
      const text = readFileSync(join(dir, locale, 'translation.json'), 'utf8');
      const outcome = await this.importer.importFile(
        { userId: user.id },
        DEMO_PROJECT.slug,
        'translation',
        locale,
        text,
        { async: false },
        new Date(),
      );
      if (outcome.kind === 'done') {
        const r = outcome.result;
        this.logger.log(
          `Imported the UI catalogue ${locale}: ${r.added} added, ${r.changed} changed, ${r.imported} imported`,
        );
      }
    }
  }
}
