import { detectAbuse } from '../abuse/detect';
import type { AbuseVote } from '../abuse/detect';
import type { EpochMs, Id, UnitVotingState, VoterProfile } from '../model/types';
import { createPrng } from '../random/prng';
import { applyLedgerEntries, EMPTY_BOOK, reputationOf } from '../reputation/ledger';
import type { ReputationBook } from '../reputation/ledger';
import type { Effect, VotingEvent } from '../round/events';
import { resolveParams } from '../round/params';
import type { VotingParams } from '../round/params';
import { createUnitState, transition } from '../round/state-machine';
import type { Community } from '../round/community';
import { ACTIVITY_WINDOW_MS, communityOf } from '../round/community';
import { needsManager } from '../round/needs-decision';
import type { CrowdOptions, SimString, SimVote } from './crowd';
import { generateCrowd, SIM_DAY, SIM_HOUR } from './crowd';
import type { RuleOutcome } from './baselines';
import { mostUpvotes, weblateSum } from './baselines';
import { median, percent } from './stats';
import { EventQueue } from './event-queue';
import { assertNever } from '../util/assert-never';

export interface SimulationOptions extends Partial<CrowdOptions> {
  readonly strings: number;
  readonly candidatesPerString: number;
  readonly voters: number;
  readonly carelessShare: number;
  readonly ringSize: number;
  readonly seed: number;
  /** Overrides of the round parameters Chorus runs with. */
  readonly params?: Partial<VotingParams>;
  /** Run detectAbuse every `abuseScanEveryMs` and feed the pairs back (default on). */
  readonly abuseDetection?: boolean;
  readonly abuseScanEveryMs?: number;
  /** Simulated time after the last string opens; every round has closed by then. */
  readonly horizonMs?: number;
  /**
   * Pass the decision-time community (active members, reference weight, flagged accounts) into
   * every transition, as the API does (default on). Off: the C1 rule with fixed thresholds.
   */
  readonly community?: boolean;
  /** The whole pool was active before the simulation started (an established locale). */
  readonly warmStart?: boolean;
}

export interface RuleSummary {
  readonly rule: string;
  readonly strings: number;
  readonly decided: number;
  readonly decidedCorrect: number;
  /** Percent of decided strings whose winner is the correct candidate. */
  readonly decidedCorrectPct: number;
  readonly undecidedPct: number;
  readonly medianVotesPerDecided: number;
  /** Distinct voters on a decided string up to its decision. */
  readonly medianVotersPerDecided: number;
  /** Percent of all strings decided within two round lengths of their first candidate. */
  readonly decidedInTwoRoundsPct: number;
  readonly medianHoursToDecision: number;
}

export interface SimulationResult {
  readonly seed: number;
  readonly votes: number;
  readonly params: VotingParams;
  readonly chorus: RuleSummary;
  readonly weblate: RuleSummary;
  readonly mostUpvotes: RuleSummary;
  /** Strings whose decision was overturned by a later round (challenge or cooldown). */
  readonly chorusReopened: number;
  readonly ringStrings: number;
  readonly ringWins: {
    readonly chorus: number;
    readonly weblate: number;
    readonly mostUpvotes: number;
  };
  readonly flaggedPairs: number;
  /** Flagged pairs with at least one account outside the ring: honest people flagged. */
  readonly honestPairsFlagged: number;
  /** Strings whose round reached its deadline undecided (the manager's queue at some point). */
  readonly needsDecision: number;
}

export const DEFAULT_CROWD: Omit<
  CrowdOptions,
  'strings' | 'candidatesPerString' | 'voters' | 'carelessShare' | 'ringSize'
> = Object.freeze({
  votesPerString: 12,
  meanVoteGapMs: 6 * SIM_HOUR,
  skillMin: 0.7,
  skillMax: 0.95,
  downvoteRate: 0.5,
  ringShare: 0.25,
  translators: 12,
  openSpreadMs: 21 * SIM_DAY,
  lazyShare: 0,
  candidateGapMs: 0,
  translatorsAreVoters: false,
  ringDownvotes: false,
  launchDay: false,
});

type Scheduled =
  | { readonly at: EpochMs; readonly kind: 'vote'; readonly vote: SimVote }
  | { readonly at: EpochMs; readonly kind: 'open'; readonly str: SimString }
  | { readonly at: EpochMs; readonly kind: 'tick'; readonly stringId: Id }
  | { readonly at: EpochMs; readonly kind: 'scan' };

/**
 * Runs a seeded crowd through the real state machine (votes arriving over simulated time, rounds
 * closing on their scheduled ticks, reputation applied through the ledger, abuse scans feeding
 * collusion pairs back) and scores Chorus and two baselines on the same vote stream.
 */
export function simulate(options: SimulationOptions): SimulationResult {
  const o: CrowdOptions = { ...DEFAULT_CROWD, ...options };
  const params = resolveParams(options.params ?? {});
  const rng = createPrng(options.seed);
  const crowd = generateCrowd(o, rng);
  const lastOpen = Math.max(crowd.start, ...crowd.strings.map((s) => s.openAt));
  const horizon = lastOpen + (options.horizonMs ?? 60 * SIM_DAY);
  const scanEvery = options.abuseScanEveryMs ?? 12 * SIM_HOUR;
  const detect = options.abuseDetection ?? true;
  const useCommunity = options.community ?? true;

  const queue = new EventQueue<Scheduled>();
  const push = (e: Scheduled) => queue.push(e);
  for (const str of crowd.strings) push({ at: str.openAt, kind: 'open', str });
  for (const vote of crowd.votes) push({ at: vote.at, kind: 'vote', vote });
  if (detect || useCommunity)
    for (let t = crowd.start + scanEvery; t <= horizon; t += scanEvery)
      push({ at: t, kind: 'scan' });
  for (const str of crowd.strings) push({ at: horizon, kind: 'tick', stringId: str.id });

  const authorOf = new Map(
    crowd.strings.flatMap((s) => s.candidates.map((c) => [c.id, c.authorId] as const)),
  );
  const states = new Map<Id, UnitVotingState>();
  const votesSoFar = new Map<Id, number>();
  const decisions = new Map<
    Id,
    { winnerId: Id; votesUsed: number; votersUsed: number; decidedAt: EpochMs }
  >();
  const votersSoFar = new Map<Id, Set<Id>>();
  const needsDecision = new Set<Id>();
  // Last activity (vote or submission) of each member in the locale: the community's size.
  const lastActive = new Map<Id, EpochMs>();
  if (options.warmStart ?? true) for (const v of crowd.voters) lastActive.set(v.id, crowd.start);
  let flagged: Id[] = [];
  let flaggedPairList: (readonly [Id, Id])[] = [];
  let community: Community | undefined;
  let communityAt = -Infinity;
  const communityNow = (now: EpochMs): Community | undefined => {
    if (!useCommunity) return undefined;
    // The API caches the community per locale for a while; an hour is its granularity here.
    if (community !== undefined && now - communityAt < SIM_HOUR) return community;
    const members = [...lastActive]
      .filter(([, at]) => now - at <= ACTIVITY_WINDOW_MS)
      .map(([userId]) => {
        const r = reputationOf(book, userId);
        return {
          userId,
          accountCreatedAt: crowd.accountCreatedAt,
          agree: r.agree,
          disagree: r.disagree,
        };
      });
    community = communityOf(members, flagged, now, params, flaggedPairList);
    communityAt = now;
    return community;
  };
  const reopened = new Set<Id>();
  let book: ReputationBook = EMPTY_BOOK;
  let partners = new Map<Id, Id[]>();
  let pairsKey = '';
  let flaggedPairs = 0;
  let honestFlagged = 0;
  // Honest voters and translators: a flag on a pair of them is a false positive.
  const honestIds = new Set<Id>([
    ...crowd.voters.filter((v) => v.kind === 'honest').map((v) => v.id),
    ...crowd.strings
      .flatMap((s) => s.candidates.map((c) => c.authorId))
      .filter((id) => id.startsWith('t')),
  ]);
  const abuseVotes: AbuseVote[] = [];

  const profile = (userId: Id): VoterProfile => {
    const r = reputationOf(book, userId);
    return {
      userId,
      accountCreatedAt: crowd.accountCreatedAt,
      banned: false,
      agree: r.agree,
      disagree: r.disagree,
      collusionPartners: partners.get(userId) ?? [],
    };
  };

  const run = (stringId: Id, event: VotingEvent, now: EpochMs) => {
    const state = states.get(stringId);
    if (!state) return;
    const c = communityNow(now);
    const r = transition(c === undefined ? state : { ...state, community: c }, event, now);
    if (!r.ok) return;
    states.set(stringId, r.state);
    handle(stringId, r.effects, now);
  };

  const handle = (stringId: Id, effects: readonly Effect[], now: EpochMs) => {
    for (const e of effects) {
      if (e.type === 'scheduleClose') push({ at: e.at, kind: 'tick', stringId });
      if (e.type === 'applyReputation') book = applyLedgerEntries(book, e.entries);
      if (e.type === 'roundExtended') needsDecision.add(stringId);
      if (e.type === 'publishDecision' && e.round.outcome && needsManager(e.round))
        needsDecision.add(stringId);
      if (e.type === 'openRound' && e.cause !== 'FIRST_ROUND' && decisions.has(stringId))
        reopened.add(stringId);
      if (e.type === 'publishDecision' && e.round.outcome?.decided && e.round.outcome.winnerId) {
        decisions.set(stringId, {
          winnerId: e.round.outcome.winnerId,
          votesUsed: votesSoFar.get(stringId) ?? 0,
          votersUsed: votersSoFar.get(stringId)?.size ?? 0,
          decidedAt: now,
        });
      }
    }
  };

  for (let item = queue.pop(); item !== undefined; item = queue.pop()) {
    {
      switch (item.kind) {
        case 'open': {
          const created = createUnitState(
            {
              unit: { id: item.str.id, sourceHash: 'h', isGold: false, locked: false },
              params,
              roundId: `${item.str.id}:1`,
            },
            item.at,
          );
          states.set(item.str.id, created.state);
          handle(item.str.id, created.effects, item.at);
          for (const c of item.str.candidates) {
            lastActive.set(c.authorId, c.createdAt);
            run(
              item.str.id,
              {
                type: 'submitCandidate',
                candidate: { id: c.id, forms: { '': c.id }, sourceHash: 'h' },
                submitter: profile(c.authorId),
              },
              c.createdAt < item.at ? item.at : c.createdAt,
            );
          }
          break;
        }
        case 'vote': {
          const v = item.vote;
          votesSoFar.set(v.stringId, (votesSoFar.get(v.stringId) ?? 0) + 1);
          votersSoFar.set(
            v.stringId,
            (votersSoFar.get(v.stringId) ?? new Set<Id>()).add(v.voterId),
          );
          lastActive.set(v.voterId, v.at);
          abuseVotes.push({
            voterId: v.voterId,
            candidateId: v.candidateId,
            authorId: authorOf.get(v.candidateId) ?? '',
            value: v.value,
            castAt: v.at,
          });
          run(
            v.stringId,
            {
              type: 'castVote',
              voter: profile(v.voterId),
              candidateId: v.candidateId,
              value: v.value,
            },
            v.at,
          );
          break;
        }
        case 'tick':
          run(item.stringId, { type: 'tick' }, item.at);
          break;
        case 'scan': {
          if (!detect) break;
          const report = detectAbuse({
            votes: abuseVotes,
            accounts: crowd.voters.map((v) => ({
              userId: v.id,
              createdAt: crowd.accountCreatedAt,
            })),
          });
          flagged = [...new Set(report.collusionPairs.flatMap((p) => [p.a, p.b]))];
          flaggedPairList = report.collusionPairs.map((p) => [p.a, p.b] as const);
          honestFlagged = report.collusionPairs.filter(
            (p) => honestIds.has(p.a) && honestIds.has(p.b),
          ).length;
          community = undefined;
          const key = JSON.stringify(report.collusionPairs.map((p) => [p.a, p.b]));
          if (key === pairsKey) break;
          pairsKey = key;
          flaggedPairs = report.collusionPairs.length;
          const next = new Map<Id, Id[]>();
          for (const p of report.collusionPairs) {
            next.set(p.a, [...(next.get(p.a) ?? []), p.b]);
            next.set(p.b, [...(next.get(p.b) ?? []), p.a]);
          }
          partners = next;
          const pairs = report.collusionPairs.map((p) => [p.a, p.b] as const);
          for (const id of states.keys()) run(id, { type: 'collusionFlagged', pairs }, item.at);
          break;
        }
        default:
          assertNever(item, 'scheduled event');
      }
    }
  }

  const correctOf = (str: SimString, winnerId: Id | null) =>
    str.candidates.find((c) => c.id === winnerId)?.correct === true;
  const summarise = (rule: string, outcomes: readonly [SimString, RuleOutcome][]): RuleSummary => {
    const decided = outcomes.filter(([, r]) => r.winnerId !== null);
    const correct = decided.filter(([s, r]) => correctOf(s, r.winnerId)).length;
    return {
      rule,
      strings: outcomes.length,
      decided: decided.length,
      decidedCorrect: correct,
      decidedCorrectPct: percent(correct, decided.length),
      undecidedPct: percent(outcomes.length - decided.length, outcomes.length),
      medianVotesPerDecided: median(decided.map(([, r]) => r.votesUsed)),
      medianVotersPerDecided: median(decided.map(([, r]) => r.votersUsed)),
      decidedInTwoRoundsPct: percent(
        decided.filter(([s, r]) => (r.decidedAt ?? Infinity) - s.openAt <= 2 * params.duration)
          .length,
        outcomes.length,
      ),
      medianHoursToDecision: median(
        decided.map(([s, r]) => Math.round(((r.decidedAt ?? s.openAt) - s.openAt) / SIM_HOUR)),
      ),
    };
  };

  const streams = new Map<Id, SimVote[]>();
  for (const v of crowd.votes) {
    const list = streams.get(v.stringId) ?? [];
    list.push(v);
    streams.set(v.stringId, list);
  }
  const chorus: [SimString, RuleOutcome][] = [];
  const weblate: [SimString, RuleOutcome][] = [];
  const most: [SimString, RuleOutcome][] = [];
  for (const str of crowd.strings) {
    const stream = streams.get(str.id) ?? [];
    const published = states.get(str.id)?.publishedWinner ?? null;
    const decision = decisions.get(str.id);
    chorus.push([
      str,
      published && decision
        ? {
            winnerId: published.candidateId,
            votesUsed: decision.votesUsed,
            votersUsed: decision.votersUsed,
            decidedAt: decision.decidedAt,
          }
        : {
            winnerId: null,
            votesUsed: stream.length,
            votersUsed: new Set(stream.map((v) => v.voterId)).size,
            decidedAt: null,
          },
    ]);
    weblate.push([str, weblateSum(str, stream)]);
    most.push([str, mostUpvotes(str, stream)]);
  }
  const ringWins = (outcomes: readonly [SimString, RuleOutcome][]) =>
    outcomes.filter(([s, r]) => s.ringTarget !== null && r.winnerId === s.ringTarget).length;
  return {
    seed: options.seed,
    votes: crowd.votes.length,
    params,
    chorus: summarise('Chorus', chorus),
    weblate: summarise('Weblate sum ≥ 2', weblate),
    mostUpvotes: summarise('most up-votes', most),
    chorusReopened: reopened.size,
    ringStrings: crowd.strings.filter((s) => s.ringTarget !== null).length,
    ringWins: { chorus: ringWins(chorus), weblate: ringWins(weblate), mostUpvotes: ringWins(most) },
    flaggedPairs,
    honestPairsFlagged: honestFlagged,
    needsDecision: needsDecision.size,
  };
}
