import type { VoterProfile } from '../model/types';
import { DAY, HOUR, makeUnit, makeVoter, T0 } from '../testing';
import { DEFAULT_PARAMS, type VotingParams } from './params';
import type { TransitionResult, VotingEvent } from './events';
import { createUnitState, transition } from './state-machine';
import type { UnitVotingState } from '../model/types';

// A small community's thresholds: three upvoters are enough to challenge.
const PARAMS: VotingParams = { ...DEFAULT_PARAMS, quorum: 3, minVotes: 3 };

function ok(r: TransitionResult): UnitVotingState {
  if (!r.ok) throw new Error(`refused: ${r.error.code} ${r.error.message}`);
  return r.state;
}

function submit(state: UnitVotingState, id: string, at: number): UnitVotingState {
  const event: VotingEvent = {
    type: 'submitCandidate',
    candidate: { id, forms: { '': `text ${id}` }, sourceHash: state.unit.sourceHash },
    submitter: makeVoter(`author-${id}`),
  };
  return ok(transition(state, event, at));
}

/** c1 and c2 submitted; nobody has voted; the manager approves c2. */
function approvedC2(params: VotingParams = PARAMS): UnitVotingState {
  let s = createUnitState({ unit: makeUnit(), params, roundId: 'r1' }, T0).state;
  s = submit(submit(s, 'c1', T0), 'c2', T0);
  s = ok(transition(s, { type: 'managerApprove', candidateId: 'c2' }, T0 + HOUR));
  expect(s.round.outcome).toMatchObject({ winnerId: 'c2', reasons: ['MANAGER_APPROVED'] });
  return s;
}

function upvoteC1(state: UnitVotingState, voters: readonly VoterProfile[], at: number) {
  return voters.reduce(
    (s, voter) => ok(transition(s, { type: 'castVote', voter, candidateId: 'c1', value: 1 }, at)),
    state,
  );
}

const at = T0 + 2 * HOUR;
const ids = ['x1', 'x2', 'x3', 'x4', 'x5', 'x6'];

describe('challenging a manager-approved decision', () => {
  it('three brand-new accounts do not re-open it where new accounts vote as newcomers at once', () => {
    // minAccountAge 0: an account made an hour ago votes at the newcomer weight (0.55).
    const fresh = ids.slice(0, 3).map((id) => makeVoter(id, { accountCreatedAt: at - HOUR }));
    const state = approvedC2({ ...PARAMS, minAccountAge: 0 });
    expect(upvoteC1(state, fresh, at).round).toMatchObject({ id: 'r1', state: 'DECIDED' });
  });

  it('nor six old accounts without any record of agreeing with decisions', () => {
    const blank = ids.map((id) => makeVoter(id, { accountCreatedAt: at - 30 * DAY }));
    expect(upvoteC1(approvedC2(), blank, at).round).toMatchObject({ id: 'r1', state: 'DECIDED' });
  });

  it('nor brand-new accounts at wMin (the default minAccountAge)', () => {
    const fresh = ids.map((id) => makeVoter(id, { accountCreatedAt: at - HOUR }));
    expect(upvoteC1(approvedC2(), fresh, at).round).toMatchObject({ id: 'r1', state: 'DECIDED' });
  });

  it('three established voters do re-open it', () => {
    const established = ids.slice(0, 3).map((id) => makeVoter(id, { agree: 50 }));
    expect(upvoteC1(approvedC2(), established, at).round).toMatchObject({
      id: 'u1:2',
      state: 'COLLECTING',
    });
  });
});

// A decision the votes made is still challenged on every counted vote: lifecycle.spec.ts
// ('a challenger re-opens a DECIDED round only past reopenMargin').
