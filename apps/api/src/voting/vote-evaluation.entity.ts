import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The DECIDED round that evaluated a vote for reputation (DOMAIN C3: a vote is evaluated at most
 * once, by the first decided round that counts it). Kept beside the vote, not on it: a decision
 * inserts one narrow row per counted vote, where stamping the vote row rewrote it (a new version
 * of the biggest table's row and an entry in each of its four indexes, then a dead tuple to
 * vacuum). Written only by a close batch (`ON CONFLICT DO NOTHING`: the first evaluation stands),
 * deleted with its vote however the vote goes (trigger vote_evaluation_follows_vote); read into
 * the vote's `evaluatedInRound`.
 */
@Entity({ name: 'vote_evaluation' })
export class VoteEvaluationEntity {
  @PrimaryColumn({ name: 'translation_id', type: 'uuid' })
  translationId!: string;

  @PrimaryColumn({ name: 'voter_id', type: 'uuid' })
  voterId!: string;

  @Column({ name: 'round_id', type: 'uuid' })
  roundId!: string;
}
