import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import { Public } from '../common/auth/public.decorator';
import { RateLimited } from '../common/rate-limit/rate-limited.decorator';
import type { Principal } from '../common/auth/request-context';
import { ProjectArgs } from '../identity/dto/api-token.args';
import { AddLocaleArgs } from './dto/locale.args';
import { LocaleModel } from './dto/locale.model';
import { NamespaceModel } from './dto/namespace.model';
import { toLocaleModel, toNamespaceModel } from './locale.mapper';
import { LocaleService } from './locale.service';
import { READ_BUDGET } from '../common/rate-limit/read-budget';

@Resolver()
export class LocaleResolver {
  constructor(private readonly localeService: LocaleService) {}

  @Public()
  @RateLimited('reads')
  @Query(() => [LocaleModel], {
    description: `Target locales of a project, by code. ${READ_BUDGET}`,
  })
  async locales(
    @Args() args: ProjectArgs,
    @CurrentPrincipal() principal: Principal | null,
  ): Promise<LocaleModel[]> {
    return (await this.localeService.list(principal?.userId ?? null, args.project)).map(
      toLocaleModel,
    );
  }

  @Public()
  @RateLimited('reads')
  @Query(() => [NamespaceModel], {
    description: `Namespaces (catalogue files) of a project. ${READ_BUDGET}`,
  })
  async namespaces(
    @Args() args: ProjectArgs,
    @CurrentPrincipal() principal: Principal | null,
  ): Promise<NamespaceModel[]> {
    return (await this.localeService.namespaces(principal?.userId ?? null, args.project)).map(
      toNamespaceModel,
    );
  }

  @RateLimited('writes')
  @Mutation(() => LocaleModel, {
    description: 'Adds a target locale (owners, developers); the source locale is refused.',
  })
  async addLocale(
    @Args() args: AddLocaleArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<LocaleModel> {
    return toLocaleModel(await this.localeService.add(principal.userId, args.project, args.code));
  }
}
