import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { QuerySizeMiddleware } from './query-size.middleware';

/** Applies QuerySizeMiddleware to /graphql (Nest middleware runs before Apollo's). */
@Module({ providers: [QuerySizeMiddleware] })
export class GraphqlLimitsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(QuerySizeMiddleware).forRoutes('graphql');
  }
}
