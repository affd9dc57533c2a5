import type { Finding } from '@chorus/translation-core';
import {
  type Effect,
  type RoundState,
  type UnitVotingState,
  type VoteValue,
  type VotingEvent,
} from '@chorus/voting';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { commonError } from '../common/errors/common.errors';
import { ACTION_REASON_MAX } from '../moderation/report-kinds';
import { GenericPlanPool } from '../database/generic-plan-pool';
import { AccessService } from '../identity/access.service';
import { AfterCommit } from './after-commit';
import type { ProjectAction } from '../identity/permissions';
import { CommunityService } from './community.service';
import type { UnitFacts } from '../translation/candidate-view.service';
import { VoteStatement } from './vote-statement';
import {
  UnitStateRepository,
  type NewCandidateRow,
  type UnitContext,
} from './unit-state.repository';
import { votingError } from './voting.errors';
import { checkSubmission } from './submission-check';
import { applyEvent } from './unit-transition';
import { activeBanOf, loadActingString, loadCandidate, managesLocale } from './acting-rows';

export interface SubmitInput {
  readonly stringId: string;
  readonly locale: string;
  readonly forms: Readonly<Record<string, string>>;
}

export interface SubmitOutcome extends UnitOutcome {
  readonly candidateId: string;
  readonly warnings: readonly Finding[];
  readonly mergedIntoExisting: boolean;
}

export interface UnitOutcome {
  readonly context: UnitContext;
  readonly state: UnitVotingState;
  /** Whether the acting user manages the unit's locale (sees authors and tallies unblinded). */
  readonly actorManages?: boolean;
}

/** A vote's answer: the unit as the candidate list needs it, and the round the vote went into. */
export interface VoteOutcome {
  readonly unit: UnitFacts;
  readonly round: { readonly id: string; readonly state: RoundState };
  readonly actorManages: boolean;
}

/**
 * The write side of translating and voting. Every change to a unit runs the same way: lock the
 * unit row, load its state, apply one libs/voting event, save what changed and the reputation
 * ledger in the same transaction, then (after commit) schedule close jobs and publish events.
 */
@Injectable()
export class VotingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly units: UnitStateRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly oneStatement: VoteStatement,
    private readonly communities: CommunityService,
    private readonly afterCommit: AfterCommit,
    private readonly genericPlans: GenericPlanPool,
  ) {}

  async submit(userId: string, input: SubmitInput, now: number): Promise<SubmitOutcome> {
    const source = await loadActingString(this.dataSource, this.access, {
      stringId: input.stringId,
      userId,
      locale: input.locale,
      action: 'translation.submit',
    });
    const localeId = source.locale_id;
    const memberships = source.memberships;
    const { forms, findings } = await checkSubmission(this.genericPlans, source, {
      locale: input.locale,
      localeId,
      forms: input.forms,
    });
    const candidateId = randomUUID();
    const newCandidates = new Map<string, NewCandidateRow>([
      [
        candidateId,
        { id: candidateId, findings: findings.map((f) => ({ ...f })), origin: 'community' },
      ],
    ]);
    let merged = false;
    const { context, state, effects } = await this.change(
      (manager) => this.units.ensureUnit(manager, source.id, localeId, source.project_id),
      async (manager, state, context) => {
        const { profile, recentSubmissions, recentVotes } = await this.units.voterProfile(
          manager,
          userId,
          context.localeCode,
          now,
          state.params,
        );
        return {
          type: 'submitCandidate',
          candidate: {
            id: candidateId,
            forms,
            sourceHash: state.unit.sourceHash,
            blockingErrors: [],
          },
          submitter: profile,
          recentSubmissions,
          recentVotes,
        };
      },
      now,
      {
        actorId: userId,
        type: 'translation.submitted',
        payload: { stringId: source.id, locale: input.locale },
      },
      newCandidates,
    );
    let resultId: string = candidateId;
    for (const effect of effects) {
      if (effect.type === 'candidateMerged') {
        merged = true;
        resultId = effect.candidateId;
      }
    }
    return {
      candidateId: resultId,
      warnings: findings,
      mergedIntoExisting: merged,
      context,
      state,
      actorManages: managesLocale(memberships, source.visibility, context.localeCode),
    };
  }

  async withdraw(userId: string, candidateId: string, now: number): Promise<UnitOutcome> {
    return this.changeCandidate(userId, candidateId, null, now, 'translation.withdrawn', () => ({
      type: 'withdrawCandidate',
      candidateId,
      userId,
    }));
  }

  /**
   * A vote: first as one guarded statement (vote-statement.ts), which decides the common case (a
   * COLLECTING round) in one round trip; anything it cannot decide runs the full path below, which
   * also gives the precise error.
   */
  async vote(
    userId: string,
    candidateId: string,
    value: number,
    now: number,
  ): Promise<VoteOutcome> {
    if (value !== 1 && value !== -1)
      throw votingError('INVALID_VOTE', 'A vote is +1 (up) or -1 (down).');
    const cast = await this.oneStatement.cast({ voterId: userId, candidateId, value, now });
    if (cast !== null) {
      return {
        unit: {
          unitId: cast.unitId,
          stringId: cast.stringId,
          localeCode: cast.localeCode,
          sourceHash: cast.sourceHash,
          roundId: cast.roundId,
          z: cast.z,
        },
        round: { id: cast.roundId, state: 'COLLECTING' },
        actorManages: managesLocale(cast.memberships, cast.projectVisibility, cast.localeCode),
      };
    }
    const { context, state, actorManages } = await this.voteFullPath(
      userId,
      candidateId,
      value,
      now,
    );
    return {
      unit: {
        unitId: context.unitId,
        stringId: context.stringId,
        localeCode: context.localeCode,
        sourceHash: state.unit.sourceHash,
        roundId: state.round.id,
        z: state.params.z,
      },
      round: { id: state.round.id, state: state.round.state },
      actorManages: actorManages ?? false,
    };
  }

  /** The vote under the unit's lock: load the whole state, apply libs/voting, save. */
  private async voteFullPath(
    userId: string,
    candidateId: string,
    value: 1 | -1,
    now: number,
  ): Promise<UnitOutcome> {
    return this.changeCandidate(
      userId,
      candidateId,
      'vote.cast',
      now,
      'vote.cast',
      async (manager, state, context) => {
        const { profile, recentVotes } = await this.units.voterProfile(
          manager,
          userId,
          context.localeCode,
          now,
          state.params,
        );
        return {
          type: 'castVote',
          voter: profile,
          candidateId,
          value: value satisfies VoteValue,
          recentVotes,
        };
      },
    );
  }

  async retract(userId: string, candidateId: string, now: number): Promise<UnitOutcome> {
    return this.changeCandidate(userId, candidateId, 'vote.cast', now, 'vote.retracted', () => ({
      type: 'retractVote',
      voterId: userId,
      candidateId,
    }));
  }

  async approve(
    userId: string,
    candidateId: string,
    reason: string,
    now: number,
  ): Promise<UnitOutcome> {
    checkActionReason(reason);
    return this.changeCandidate(
      userId,
      candidateId,
      'candidate.approve',
      now,
      'candidate.approved',
      () => ({
        type: 'managerApprove',
        candidateId,
      }),
      { reason },
    );
  }

  async reject(
    userId: string,
    candidateId: string,
    reason: string,
    now: number,
  ): Promise<UnitOutcome> {
    checkActionReason(reason);
    return this.changeCandidate(
      userId,
      candidateId,
      'candidate.reject',
      now,
      'candidate.rejected',
      () => ({
        type: 'managerReject',
        candidateId,
      }),
      { reason },
    );
  }

  /** Locks or unlocks a string in one locale: a locked unit refuses candidates and votes (UNIT_LOCKED). */
  async lock(
    userId: string,
    stringId: string,
    locale: string,
    locked: boolean,
    now: number,
  ): Promise<UnitContext> {
    const source = await loadActingString(this.dataSource, this.access, {
      stringId,
      userId,
      locale,
      action: 'string.lock',
      actionLocale: locale,
    });
    const localeId = source.locale_id;
    const { context } = await this.change(
      async (manager) => {
        const unitId = await this.units.ensureUnit(manager, source.id, localeId, source.project_id);
        await manager.query('UPDATE translation_unit SET locked = $2 WHERE id = $1', [
          unitId,
          locked,
        ]);
        return unitId;
      },
      () => Promise.resolve({ type: 'tick' }),
      now,
      {
        actorId: userId,
        type: locked ? 'string.locked' : 'string.unlocked',
        payload: { stringId, locale },
      },
    );
    return context;
  }

  /** Applies a system event (timer, abuse scan) to a unit; no user, so no audit entry. */
  async applyToUnit(unitId: string, event: VotingEvent, now: number): Promise<UnitOutcome> {
    const { context, state } = await this.change(
      () => Promise.resolve(unitId),
      () => Promise.resolve(event),
      now,
      null,
    );
    return { context, state };
  }

  private async changeCandidate(
    userId: string,
    candidateId: string,
    action: ProjectAction | null,
    now: number,
    auditType: string,
    makeEvent: (
      manager: EntityManager,
      state: UnitVotingState,
      context: UnitContext,
    ) => Promise<VotingEvent> | VotingEvent,
    payload: Record<string, string> = {},
  ): Promise<UnitOutcome> {
    const row = await loadCandidate(this.dataSource, candidateId, userId);
    const project = { id: row.project_id, visibility: row.visibility, slug: row.slug };
    if (action !== null)
      this.access.check(project, row.memberships, action, row.code, activeBanOf(row));
    const { context, state } = await this.change(
      () => Promise.resolve(row.unit_id),
      async (manager, state, context) => makeEvent(manager, state, context),
      now,
      { actorId: userId, type: auditType, payload: { candidateId, ...payload } },
    );
    return {
      context,
      state,
      actorManages: managesLocale(row.memberships, row.visibility, row.code),
    };
  }

  /** Lock → load → event → save, in one transaction; then schedule and publish. */
  private async change(
    locate: (manager: EntityManager) => Promise<string>,
    makeEvent: (
      manager: EntityManager,
      state: UnitVotingState,
      context: UnitContext,
    ) => Promise<VotingEvent>,
    now: number,
    auditEntry: { actorId: string; type: string; payload: Record<string, string> } | null,
    newCandidates: ReadonlyMap<string, NewCandidateRow> = new Map(),
  ): Promise<{ context: UnitContext; state: UnitVotingState; effects: readonly Effect[] }> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const loaded = await this.units.lockAndLoad(manager, await locate(manager));
      const start = await this.communities.startWithCommunity(manager, loaded, now);
      const event = await makeEvent(manager, start.state, loaded.context);
      const change = { ...applyEvent(loaded, start, event, now), newCandidates };
      await this.units.saveMany(manager, [change]);
      if (auditEntry !== null) {
        await this.audit.record({ ...auditEntry, projectId: loaded.context.projectId }, manager);
      }
      return { context: loaded.context, state: change.after, effects: change.effects };
    });
    await this.afterCommit.ofChange(outcome, now);
    return outcome;
  }
}

/** A manager's reason is stored with the decision and its audit entry: at most ACTION_REASON_MAX. */
function checkActionReason(reason: string): void {
  if (reason.length > ACTION_REASON_MAX) {
    throw commonError(
      'BAD_USER_INPUT',
      `A reason is at most ${ACTION_REASON_MAX} characters (this one has ${reason.length}).`,
    );
  }
}
