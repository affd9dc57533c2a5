import type { AbuseVote } from './detect';
import { collusionPartners, detectAbuse } from './detect';
import { weightAtCast } from '../score/weight';
import { DEFAULT_PARAMS } from '../round/params';
import { DAY, HOUR, makeVoter, T0 } from '../testing';
import { createPrng } from '../random/prng';

let clock = T0;
function v(
  voterId: string,
  candidateId: string,
  authorId: string,
  value: 1 | -1 = 1,
  castAt?: number,
): AbuseVote {
  clock += 1000;
  return { voterId, candidateId, authorId, value, castAt: castAt ?? clock };
}

const HONEST = Array.from({ length: 30 }, (_, i) => `h${i}`);

/**
 * 40 strings with 3 candidates each (one correct) by 10 translators; 6 random honest voters per
 * string upvote the correct one with probability 0.85 and downvote a wrong one half of the time.
 */
function honestCrowd(seed = 7): AbuseVote[] {
  const rng = createPrng(seed);
  const out: AbuseVote[] = [];
  for (let s = 0; s < 40; s += 1) {
    const cands = [0, 1, 2].map((k) => ({ id: `s${s}c${k}`, author: `t${(s * 3 + k) % 10}` }));
    for (const voter of rng.shuffle(HONEST).slice(0, 6)) {
      const pick = rng.chance(0.85) ? cands[0]! : cands[1 + rng.int(2)]!;
      out.push(v(voter, pick.id, pick.author, 1));
      if (rng.chance(0.5)) {
        const other = rng.pick(cands.filter((c) => c !== pick));
        out.push(v(voter, other.id, other.author, -1));
      }
    }
  }
  return out;
}

/** A 5-account ring: each member's 3 candidates get the other four's upvotes; 2 honest downvotes. */
function ring(): AbuseVote[] {
  const members = ['r1', 'r2', 'r3', 'r4', 'r5'];
  const out: AbuseVote[] = [];
  for (const [m, author] of members.entries()) {
    for (let k = 0; k < 3; k += 1) {
      const id = `ring-${author}-${k}`;
      for (const voter of members) if (voter !== author) out.push(v(voter, id, author));
      out.push(v(HONEST[(m * 3 + k) % 30]!, id, author, -1));
      out.push(v(HONEST[(m * 3 + k + 7) % 30]!, id, author, -1));
    }
  }
  return out;
}

describe('abuse: an honest crowd raises no flags', () => {
  it('has no ring, reciprocity or concentration flags', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const report = detectAbuse({ votes: honestCrowd(seed), accounts: [] });
      expect(report.flags).toEqual([]);
      expect(report.collusionPairs).toEqual([]);
    }
  });
});

describe('abuse: a voting ring', () => {
  const report = detectAbuse({ votes: [...honestCrowd(), ...ring()], accounts: [] });
  const kinds = new Set(report.flags.map((f) => f.kind));

  it('flags ring pairs whose agreement is far above the crowd’s, with evidence', () => {
    const pair = report.flags.find((f) => f.kind === 'VOTING_RING_PAIR');
    expect(pair).toBeDefined();
    if (pair?.kind === 'VOTING_RING_PAIR') {
      expect(pair.users.every((u) => u.startsWith('r'))).toBe(true);
      expect(pair.evidence.agreementRate).toBe(1);
      expect(pair.evidence.agreementLowerBound).toBeGreaterThan(
        pair.evidence.crowdAgreementRate + 0.15,
      );
    }
  });

  it('flags reciprocity and authors carried by the same few accounts', () => {
    expect(kinds.has('RECIPROCAL_PAIR')).toBe(true);
    const concentration = report.flags.find(
      (f) => f.kind === 'AUTHOR_CONCENTRATION' && f.authorId === 'r1',
    );
    expect(concentration).toMatchObject({
      voterIds: ['r2', 'r3', 'r4', 'r5'],
      evidence: { share: 1 },
    });
  });

  it('every ring member is paired with every other one, and no honest voter is', () => {
    expect(collusionPartners(report, 'r1')).toEqual(['r2', 'r3', 'r4', 'r5']);
    expect(report.collusionPairs.every((p) => p.a.startsWith('r') && p.b.startsWith('r'))).toBe(
      true,
    );
  });

  it('the weight function drops flagged mutual votes to wMin', () => {
    const voter = makeVoter('r2', {
      agree: 40,
      collusionPartners: collusionPartners(report, 'r2'),
    });
    expect(weightAtCast(voter, 'r1', T0, DEFAULT_PARAMS)).toBe(DEFAULT_PARAMS.wMin);
    expect(weightAtCast(voter, 't1', T0, DEFAULT_PARAMS)).toBeGreaterThan(0.9);
  });

  it('gives the same report for votes in any order', () => {
    const votes = [...honestCrowd(), ...ring()];
    expect(detectAbuse({ votes: [...votes].reverse(), accounts: [] })).toEqual(
      detectAbuse({ votes, accounts: [] }),
    );
  });
});

describe('abuse: a burst from new accounts', () => {
  const accounts = ['n1', 'n2', 'n3', 'n4'].map((userId) => ({ userId, createdAt: T0 - DAY }));
  const burst = ['n1', 'n2', 'n3'].map((u, i) => v(u, 'target', 'author', 1, T0 + i * 10 * 60_000));
  // Established voters active in the same scan: the locale is not new, so the burst stands out.
  const regulars = ['e1', 'e2', 'e3'].map((u, i) => v(u, `other${i}`, 'someone', 1, T0 - DAY));

  it('three young accounts upvoting one candidate within an hour are flagged with the author', () => {
    const report = detectAbuse({ votes: [...burst, ...regulars], accounts });
    expect(report.flags).toEqual([
      {
        kind: 'NEW_ACCOUNT_BURST',
        candidateId: 'target',
        authorId: 'author',
        voterIds: ['n1', 'n2', 'n3'],
        evidence: { votes: 3, from: T0, to: T0 + 20 * 60_000 },
      },
    ]);
    expect(collusionPartners(report, 'author')).toEqual(['n1', 'n2', 'n3']);
  });

  it('the same votes spread over hours, or from old accounts, are not a burst', () => {
    const spread = ['n1', 'n2', 'n3'].map((u, i) => v(u, 'target', 'author', 1, T0 + i * 2 * HOUR));
    expect(detectAbuse({ votes: spread, accounts }).flags).toEqual([]);
    const old = accounts.map((a) => ({ ...a, createdAt: T0 - 30 * DAY }));
    expect(detectAbuse({ votes: burst, accounts: old }).flags).toEqual([]);
  });

  it('launch day: where every voter is new, new accounts voting together are not a burst', () => {
    expect(detectAbuse({ votes: burst, accounts }).flags).toEqual([]);
  });
});

describe('abuse: an honest team of three', () => {
  // Everyone translates and reviews the others: each upvotes the other two on every string.
  const team = ['a', 'b', 'c'];
  const votes = Array.from({ length: 12 }, (_, s) => {
    const author = team[s % 3] ?? 'a';
    return team.filter((u) => u !== author).map((u) => v(u, `s${s}`, author, 1, T0 + s * HOUR));
  }).flat();

  it('flags no pair: a third of the upvotes going to each member is what the team size explains', () => {
    expect(detectAbuse({ votes, accounts: [] }).flags).toEqual([]);
  });
});
