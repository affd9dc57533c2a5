import { Module } from '@nestjs/common';
import { NotificationLiveEvents } from './notification-live-events';
import { NotificationQueryService } from './notification-query.service';
import { NotificationResolver } from './notification.resolver';
import { NotificationService } from './notification.service';

/**
 * In-app notifications (issue 18 item 5). Other modules import it and call
 * `NotificationService.notify({ userId, kind, projectId?, payload, dedupeKey? })` after commit.
 */
@Module({
  providers: [
    NotificationLiveEvents,
    NotificationService,
    NotificationQueryService,
    NotificationResolver,
  ],
  exports: [NotificationService, NotificationLiveEvents],
})
export class NotificationModule {}
