import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { catalogueError } from '../catalogue/catalogue.errors';
import { ProjectService } from '../catalogue/project.service';
import type { RoundModel } from '../translation/dto/round.model';
import type { TranslatableStringModel } from '../translation/dto/translatable-string.model';
import { toRoundModel } from '../translation/round.mapper';
import { TranslatableStringService } from '../translation/translatable-string.service';
import type { RoundEventModel } from './dto/round-event.model';
import { LIVE_EVENTS, type LiveEvent, type LiveEvents } from './live-events';
import { RoundEntity } from './round.entity';
import { votingError } from './voting.errors';
import { translationError } from '../translation/translation.errors';
import { EventMemo } from './event-memo';

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

/**
 * What a `stringUpdated` message carries: the whole string, or only its id when that is all the
 * subscriber selected (see stringEvents).
 */
export type StringUpdate = TranslatableStringModel | Pick<TranslatableStringModel, 'id'>;

/** Read models the voting mutations and subscriptions return. */
@Injectable()
export class VotingQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly strings: TranslatableStringService,
    @Inject(LIVE_EVENTS) private readonly live: LiveEvents,
    private readonly projects: ProjectService,
  ) {}

  private readonly rounds = new EventMemo<RoundModel>();
  private readonly access = new EventMemo<boolean>();
  private readonly stringViews = new EventMemo<TranslatableStringModel | null>();

  async roundModel(roundId: string): Promise<RoundModel> {
    const round = await this.dataSource
      .getRepository(RoundEntity)
      .findOne({ where: { id: roundId } });
    if (round === null) throw votingError('STRING_NOT_FOUND', `No round ${roundId}.`);
    return toRoundModel(round);
  }

  /**
   * Each event is delivered only while the project is still visible to the viewer (checked per
   * event: a member removed from a private project stops receiving at once, with
   * PROJECT_NOT_FOUND); the round is loaded once per event for every subscriber.
   */
  roundEvents(
    projectId: string,
    locale: string,
    viewerId: string | null,
  ): AsyncIterableIterator<{ roundDecided: RoundEventModel }> {
    const events = this.live.subscribe({ type: 'roundDecided', projectId, locale });
    return mapAsync(events, async (e) => {
      if (!(await this.visibleFor(e, projectId, viewerId))) {
        throw catalogueError(
          'PROJECT_NOT_FOUND',
          'This project is no longer visible to you; its subscription has ended.',
        );
      }
      return {
        roundDecided: {
          stringId: e.stringId,
          locale: e.locale,
          round: await this.rounds.once(e, e.roundId, () => this.roundModel(e.roundId)),
        },
      };
    });
  }

  /** Visibility once per event, membership once per event and viewer (private projects only). */
  private async visibleFor(
    event: LiveEvent,
    projectId: string,
    viewerId: string | null,
  ): Promise<boolean> {
    const visibility = await this.access.once(
      event,
      `project:${projectId}`,
      async () => (await this.projects.visibilityOf(projectId)) === 'public',
    );
    if (visibility) return true;
    if (viewerId === null) return false;
    return this.access.once(event, `member:${projectId}:${viewerId}`, () =>
      this.projects.isMember(projectId, viewerId),
    );
  }

  /**
   * Each event re-checks the viewer's access as roundEvents does (shared per event), loads the
   * string once per event for all its subscribers in this process, and adds each viewer's own
   * vote on the winner (one lookup, only for a signed-in viewer of a decided string). Before, every
   * subscriber re-read the whole string through its own access check: seven queries per viewer per
   * vote on a string many people watch.
   *
   * `identityOnly`: the subscriber selected nothing but the string's id (the web client, which
   * then reads what it shows, throttled). It gets the id after the same access check, and the
   * string is not loaded for it: a load nobody reads was five statements per event.
   */
  stringEvents(
    stringId: string,
    locale: string,
    viewerId: string | null,
    options: { readonly identityOnly: boolean },
  ): AsyncIterableIterator<{ stringUpdated: StringUpdate }> {
    const events = this.live.subscribe({ type: 'stringUpdated', stringId, locale });
    return mapAsync(events, async (e) => {
      if (!(await this.visibleFor(e, e.projectId, viewerId))) {
        throw catalogueError(
          'PROJECT_NOT_FOUND',
          'This project is no longer visible to you; its subscription has ended.',
        );
      }
      if (options.identityOnly) return { stringUpdated: { id: stringId } };
      const shared = await this.stringViews.once(e, 'everyone', () =>
        this.strings.sharedView(e.projectId, stringId, locale),
      );
      if (shared === null) {
        throw translationError('STRING_NOT_FOUND', `No string "${stringId}" is visible to you.`);
      }
      return { stringUpdated: await this.strings.forViewer(shared, viewerId) };
    });
  }
}
