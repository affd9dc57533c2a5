import { Mutation, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import type { Principal } from '../common/auth/request-context';
import { preparedQuery } from '../database/prepared-query';

/**
 * W2's authenticated floor (docs/benchmarks.md): the least an authenticated write costs through
 * this stack — the session resolved by the global AuthGuard and one prepared INSERT of an audit row,
 * committed on its own. A vote is measured against it. Only in the schema when BENCH_FLOOR is set.
 */
@Resolver()
export class BenchFloorResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Mutation(() => Boolean, {
    description: 'Benchmarks only (BENCH_FLOOR): resolves the session and inserts one row.',
  })
  async benchFloor(@CurrentPrincipal() principal: Principal): Promise<boolean> {
    await preparedQuery(
      this.dataSource,
      `INSERT INTO event (actor_id, type, payload) VALUES ($1, 'bench.floor', '{}'::jsonb)`,
      [principal.userId],
    );
    return true;
  }
}
