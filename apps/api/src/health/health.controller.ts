import { Public } from '../common/auth/public.decorator';
import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { HealthReport, WorkerReport } from './health.service';
import { HealthService } from './health.service';

/** Load balancers and `npm start` poll these; 503 when a dependency is down. */
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  async get(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const report = await this.health.check();
    res.status(report.status === 'ok' ? 200 : 503);
    return report;
  }

  @Get('worker')
  async worker(@Res({ passthrough: true }) res: Response): Promise<WorkerReport> {
    const report = await this.health.checkWorker();
    res.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
