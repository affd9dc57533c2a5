import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { NOTIFICATION_QUEUE } from '../queue/jobs';
import { DigestProcessor } from './digest.processor';
import { DigestService } from './digest.service';

/** E-mail digests of notifications: imported by the worker only, and only when SMTP_URL is set. */
@Module({
  imports: [BullModule.registerQueue({ name: NOTIFICATION_QUEUE })],
  providers: [DigestService, DigestProcessor],
  exports: [DigestService],
})
export class NotificationDigestModule {}
