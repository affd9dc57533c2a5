import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RoundModel } from '../translation/dto/round.model';
import type { TranslatableStringModel } from '../translation/dto/translatable-string.model';
import { toRoundModel } from '../translation/round.mapper';
import { TranslatableStringService } from '../translation/translatable-string.service';
import type { RoundEventModel } from './dto/round-event.model';
import {
  LIVE_EVENTS,
  type LiveEvent,
  type LiveEvents,
  type RoundDecidedEvent,
  type StringUpdatedEvent,
} from './live-events';
import { RoundEntity } from './round.entity';
import { votingError } from './voting.errors';

/** Maps an async iterator lazily (GraphQL subscriptions pull one event at a time). */
function mapAsync<A, B>(
  source: AsyncIterableIterator<A>,
  map: (a: A) => Promise<B>,
): AsyncIterableIterator<B> {
  return {
    next: async () => {
      const next = await source.next();
      return next.done === true
        ? { value: undefined, done: true }
        : { value: await map(next.value), done: false };
    },
    return: async () => {
      await source.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** Read models the voting mutations and subscriptions return. */
@Injectable()
export class VotingQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly strings: TranslatableStringService,
    @Inject(LIVE_EVENTS) private readonly live: LiveEvents,
  ) {}

  async roundModel(roundId: string): Promise<RoundModel> {
    const round = await this.dataSource
      .getRepository(RoundEntity)
      .findOne({ where: { id: roundId } });
    if (round === null) throw votingError('STRING_NOT_FOUND', `No round ${roundId}.`);
    return toRoundModel(round);
  }

  roundEvents(
    projectId: string,
    locale: string,
  ): AsyncIterableIterator<{ roundDecided: RoundEventModel }> {
    const events = this.live.subscribe(
      (e: LiveEvent): e is RoundDecidedEvent =>
        e.type === 'roundDecided' && e.projectId === projectId && e.locale === locale,
    );
    return mapAsync(events, async (e) => ({
      roundDecided: {
        stringId: e.stringId,
        locale: e.locale,
        round: await this.roundModel(e.roundId),
      },
    }));
  }

  stringEvents(
    stringId: string,
    locale: string,
    viewerId: string | null,
  ): AsyncIterableIterator<{ stringUpdated: TranslatableStringModel }> {
    const events = this.live.subscribe(
      (e: LiveEvent): e is StringUpdatedEvent =>
        e.type === 'stringUpdated' && e.stringId === stringId && e.locale === locale,
    );
    return mapAsync(events, async () => ({
      stringUpdated: await this.strings.byId(stringId, locale, viewerId),
    }));
  }
}
