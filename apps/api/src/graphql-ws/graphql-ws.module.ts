import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { GraphqlWsServer } from './graphql-ws.server';

/** graphql-ws subscriptions on the API process (the worker has no HTTP server). */
@Module({
  imports: [IdentityModule],
  providers: [GraphqlWsServer],
})
export class GraphqlWsModule {}
