import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { IdentityModule } from '../identity/identity.module';
import { ScreenshotController } from './screenshot.controller';
import { ScreenshotSettingResolver } from './screenshot.resolver';
import { ScreenshotService } from './screenshot.service';

/** In-context screenshots with key regions (issue 19 item 2; docs/in-context.md). */
@Module({
  imports: [IdentityModule, AuditModule],
  controllers: [ScreenshotController],
  providers: [ScreenshotService, ScreenshotSettingResolver],
  // TranslatableStringService reads a page's screenshots along with its strings.
  exports: [ScreenshotService],
})
export class ScreenshotModule {}
