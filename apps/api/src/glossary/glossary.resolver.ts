import { isPartOfSpeech, type PartOfSpeech } from '@chorus/translation-core';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import { Public } from '../common/auth/public.decorator';
import type { Principal } from '../common/auth/request-context';
import { RateLimited } from '../common/rate-limit/rate-limited.decorator';
import {
  CreateGlossaryTermArgs,
  DeleteGlossaryTermArgs,
  GlossaryHitsArgs,
  GlossaryTermsArgs,
  UpdateGlossaryTermArgs,
  type GlossaryTermFieldsArgs,
} from './dto/glossary.args';
import { GlossaryHitModel, GlossaryTermModel } from './dto/glossary.model';
import {
  GlossaryExportArgs,
  GlossaryImportResultModel,
  ImportGlossaryArgs,
} from './dto/glossary-exchange.args';
import { GlossaryExchangeService } from './glossary-exchange.service';
import { commonError } from '../common/errors/common.errors';
import { toGlossaryHitModel, toGlossaryTermModel } from './glossary.mapper';
import { GlossaryService, type TermFields } from './glossary.service';
import { READ_BUDGET } from '../common/rate-limit/read-budget';

function fields(args: GlossaryTermFieldsArgs): TermFields {
  const pos = args.partOfSpeech;
  const partOfSpeech: PartOfSpeech | null | undefined =
    pos === undefined ? undefined : pos === null || !isPartOfSpeech(pos) ? null : pos;
  return {
    ...(args.description === undefined ? {} : { description: args.description }),
    ...(partOfSpeech === undefined ? {} : { partOfSpeech }),
    ...(args.caseSensitive === undefined ? {} : { caseSensitive: args.caseSensitive }),
    ...(args.doNotTranslate === undefined ? {} : { doNotTranslate: args.doNotTranslate }),
  };
}

const MAX_GLOSSARY_BYTES = 8 * 1024 * 1024;

/** The project glossary; public projects are readable without a session. */
@Resolver()
export class GlossaryResolver {
  constructor(
    private readonly glossary: GlossaryService,
    private readonly exchange: GlossaryExchangeService,
  ) {}

  @Public()
  @RateLimited('reads')
  @Query(() => String, {
    description: `The project's glossary as a CSV or TBX file, with every approved translation. ${READ_BUDGET}`,
  })
  async glossaryExport(
    @Args() args: GlossaryExportArgs,
    @CurrentPrincipal() principal: Principal | null,
  ): Promise<string> {
    return this.exchange.export(args.project, principal?.userId ?? null, args.format);
  }

  @RateLimited('glossaryWrites')
  @Mutation(() => GlossaryImportResultModel, {
    description:
      'Imports a CSV or TBX glossary (multipart upload, up to 8 MB): new terms are added, existing ones updated, translations become candidates.',
  })
  async importGlossary(
    @Args() args: ImportGlossaryArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<GlossaryImportResultModel> {
    if (args.file.bytes > MAX_GLOSSARY_BYTES) {
      throw commonError('PAYLOAD_TOO_LARGE', 'A glossary file is at most 8 MB; split it.');
    }
    const result = await this.exchange.import(
      principal.userId,
      args.project,
      args.format,
      await args.file.readText(),
      new Date(),
    );
    return { ...result, skippedLocales: [...result.skippedLocales] };
  }

  @Public()
  @RateLimited('reads')
  @Query(() => [GlossaryTermModel], {
    description: `The project's glossary terms, with approved translations in \`locale\` if given. ${READ_BUDGET}`,
  })
  async glossaryTerms(
    @Args() args: GlossaryTermsArgs,
    @CurrentPrincipal() principal: Principal | null,
  ): Promise<GlossaryTermModel[]> {
    const rows = await this.glossary.list(
      args.project,
      principal?.userId ?? null,
      args.locale ?? null,
    );
    return rows.map(toGlossaryTermModel);
  }

  @Public()
  @RateLimited('reads')
  @Query(() => [GlossaryHitModel], {
    description: `Glossary terms found in a source text (word boundaries, longest term first), each with its approved translation in \`locale\`. ${READ_BUDGET}`,
  })
  async glossaryHits(
    @Args() args: GlossaryHitsArgs,
    @CurrentPrincipal() principal: Principal | null,
  ): Promise<GlossaryHitModel[]> {
    const hits = await this.glossary.hits(
      args.project,
      principal?.userId ?? null,
      args.locale,
      args.text,
    );
    return hits.map(toGlossaryHitModel);
  }

  @RateLimited('glossaryWrites')
  @Mutation(() => GlossaryTermModel, {
    description: 'Adds a glossary term (owners, developers and language managers).',
  })
  async createGlossaryTerm(
    @Args() args: CreateGlossaryTermArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<GlossaryTermModel> {
    const row = await this.glossary.create(principal.userId, args.project, {
      term: args.term,
      ...fields(args),
    });
    return toGlossaryTermModel(row);
  }

  @RateLimited('glossaryWrites')
  @Mutation(() => GlossaryTermModel, {
    description:
      "Changes a term's description, part of speech and flags (the term text is fixed: delete and add to change it).",
  })
  async updateGlossaryTerm(
    @Args() args: UpdateGlossaryTermArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<GlossaryTermModel> {
    const row = await this.glossary.update(principal.userId, args.project, args.id, fields(args));
    return toGlossaryTermModel(row);
  }

  @RateLimited('glossaryWrites')
  @Mutation(() => Boolean, {
    description: 'Deletes a glossary term with its proposed translations and votes.',
  })
  async deleteGlossaryTerm(
    @Args() args: DeleteGlossaryTermArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<boolean> {
    await this.glossary.remove(principal.userId, args.project, args.id);
    return true;
  }
}
