import type { INestApplication } from '@nestjs/common';
import { BundleBuildService } from '../../src/delivery/bundle-build.service';

/**
 * Runs a project's bundle build now, as the worker's rebuild job would. HTTP reads never build
 * (issue 14), so tests without a worker build explicitly before they read.
 */
export async function buildBundles(app: INestApplication, projectId: string): Promise<void> {
  await app.get(BundleBuildService).rebuild(projectId, new Date());
}
