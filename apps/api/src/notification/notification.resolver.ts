import { Args, ID, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import type { Principal } from '../common/auth/request-context';
import { NotificationModel, NotificationPageModel } from './dto/notification.model';
import {
  MARK_READ_MAX,
  NOTIFICATION_PAGE_MAX,
  NotificationQueryService,
} from './notification-query.service';
import { READ_BUDGET } from '../common/rate-limit/read-budget';
import { RateLimited } from '../common/rate-limit/rate-limited.decorator';

/** The viewer's notifications: nobody can read or mark another user's. */
@Resolver()
export class NotificationResolver {
  constructor(private readonly query: NotificationQueryService) {}

  @RateLimited('reads')
  @Query(() => NotificationPageModel, {
    description: `Your notifications, newest first. ${READ_BUDGET}`,
  })
  notifications(
    @Args('first', {
      type: () => Int,
      defaultValue: 20,
      description: `At most ${NOTIFICATION_PAGE_MAX}.`,
    })
    first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null | undefined,
    @Args('unreadOnly', { type: () => Boolean, defaultValue: false }) unreadOnly: boolean,
    @CurrentPrincipal() principal: Principal,
  ): Promise<NotificationPageModel> {
    return this.query.page(principal.userId, first, after ?? undefined, unreadOnly);
  }

  @RateLimited('reads')
  @Query(() => Int, {
    description: `How many of your notifications are unread (the bell). ${READ_BUDGET}`,
  })
  unreadNotificationCount(@CurrentPrincipal() principal: Principal): Promise<number> {
    return this.query.unreadCount(principal.userId);
  }

  @RateLimited('writes')
  @Mutation(() => Int, {
    description: `Marks your notifications read: up to ${MARK_READ_MAX} ids, or all. Returns how many stay unread.`,
  })
  markNotificationsRead(
    @Args('ids', { type: () => [ID], defaultValue: [] }) ids: string[],
    @Args('all', { type: () => Boolean, defaultValue: false }) all: boolean,
    @CurrentPrincipal() principal: Principal,
  ): Promise<number> {
    return this.query.markRead(principal.userId, ids, all);
  }

  @Subscription(() => NotificationModel, {
    description: 'Your new notifications, live (only yours).',
  })
  notificationAdded(
    @CurrentPrincipal() principal: Principal,
  ): AsyncIterableIterator<{ notificationAdded: NotificationModel }> {
    return this.query.events(principal.userId);
  }
}
