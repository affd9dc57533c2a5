import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import type { Principal } from '../common/auth/request-context';
import { CatalogueImportService } from './catalogue-import.service';
import { ImportJobStatusService } from './import-job-status.service';
import { ImportCatalogueArgs, ImportJobArgs } from './dto/import-catalogue.args';
import { ImportCataloguePayloadModel, ImportJobModel } from './dto/import.model';
import { toImportJobModel, toImportResultModel } from './import.mapper';
import { READ_BUDGET } from '../common/rate-limit/read-budget';
import { RateLimited } from '../common/rate-limit/rate-limited.decorator';

@Resolver()
export class CatalogueImportResolver {
  constructor(
    private readonly imports: CatalogueImportService,
    private readonly jobs: ImportJobStatusService,
  ) {}

  @RateLimited('writes')
  @Mutation(() => ImportCataloguePayloadModel, {
    description:
      'Imports an i18next JSON file (multipart upload): the source catalogue, or existing translations.',
  })
  async importCatalogue(
    @Args() args: ImportCatalogueArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ImportCataloguePayloadModel> {
    const outcome = await this.imports.importFile(
      { userId: principal.userId },
      args.project,
      args.namespace,
      args.locale ?? undefined,
      await args.file.readText(),
      {
        async: args.async === true,
        ...(args.format === undefined || args.format === null ? {} : { jsonFormat: args.format }),
      },
      new Date(),
    );
    return outcome.kind === 'queued'
      ? { result: null, jobId: outcome.jobId }
      : { result: toImportResultModel(outcome.result), jobId: null };
  }

  @RateLimited('reads')
  @Query(() => ImportJobModel, {
    description: `Progress and result of a background import. ${READ_BUDGET}`,
  })
  async importJob(
    @Args() args: ImportJobArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ImportJobModel> {
    return toImportJobModel(await this.jobs.jobStatus({ userId: principal.userId }, args.id));
  }
}
