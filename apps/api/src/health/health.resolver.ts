import { Public } from '../common/auth/public.decorator';
import { Query, Resolver } from '@nestjs/graphql';
import { HealthModel } from './dto/health.model';
import { HealthService } from './health.service';

@Public()
@Resolver(() => HealthModel)
export class HealthResolver {
  constructor(private readonly healthService: HealthService) {}

  @Query(() => HealthModel, { description: 'Connectivity of Postgres and the queue backend.' })
  health(): Promise<HealthModel> {
    return this.healthService.check();
  }
}
