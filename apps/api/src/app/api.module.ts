import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { AuditModule } from '../audit/audit.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { CommunityModule } from '../community/community.module';
import { graphqlContext } from '../common/auth/graphql-context';
import { formatGraphqlError } from '../common/errors/graphql-error-formatter';
import { graphqlLimitRules } from '../common/graphql-limits/graphql-limits.rules';
import { GraphqlLimitsModule } from '../common/graphql-limits/graphql-limits.module';
import { ConfigModule } from '../config/config.module';
import type { AppConfig } from '../config/env.schema';
import { DatabaseModule } from '../database/database.module';
import { DeliveryModule } from '../delivery/delivery.module';
import { DemoModule } from '../demo/demo.module';
import { BenchFloorModule } from '../bench-floor/bench-floor.module';
import { GraphqlWsModule } from '../graphql-ws/graphql-ws.module';
import { GRAPHQL_PLUGINS } from './graphql-no-store';
import { HealthModule } from '../health/health.module';
import { NotificationModule } from '../notification/notification.module';
import { DiscussionModule } from '../discussion/discussion.module';
import { ModerationModule } from '../moderation/moderation.module';
import { GlossaryModule } from '../glossary/glossary.module';
import { ScreenshotModule } from '../screenshot/screenshot.module';
import { IdentityModule } from '../identity/identity.module';
import { QueueModule } from '../queue/queue.module';
import { TranslationModule } from '../translation/translation.module';
import { VotingModule } from '../voting/voting.module';

/** The HTTP process: GraphQL + REST over every bounded context. Serves no queue processors. */
@Module({})
export class ApiModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        QueueModule,
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: config.schemaFile ?? true,
          sortSchema: true,
          playground: false,
          introspection: config.nodeEnv !== 'production',
          csrfPrevention: true,
          validationRules: graphqlLimitRules(config),
          // A document past the token limit stops parsing before validation walks it.
          parseOptions: { maxTokens: config.graphqlMaxTokens },
          // No "Did you mean …?" schema hints in production errors (introspection is off there).
          hideSchemaDetailsFromClientErrors: config.nodeEnv === 'production',
          // No `subscriptions` here: GraphqlWsModule serves graphql-ws on /graphql with the HTTP rules.
          context: graphqlContext,
          formatError: formatGraphqlError,
          plugins: GRAPHQL_PLUGINS,
        }),
        AuditModule,
        IdentityModule,
        CatalogueModule,
        DeliveryModule,
        TranslationModule,
        VotingModule,
        NotificationModule,
        DiscussionModule,
        ScreenshotModule,
        CommunityModule,
        ModerationModule,
        GlossaryModule,
        HealthModule,
        DemoModule,
        GraphqlWsModule,
        ...(config.benchFloor ? [BenchFloorModule] : []),
        GraphqlLimitsModule,
      ],
    };
  }
}
