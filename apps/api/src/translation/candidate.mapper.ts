import type { UserModel } from '../identity/dto/user.model';
import type { CandidateModel, TallyModel } from './dto/candidate.model';
import { CandidateStatus } from './dto/translation-enums';
import { toFormModels } from './forms.mapper';
import type { TranslationEntity, TranslationStatus } from './translation.entity';

const STATUS: Readonly<Record<TranslationStatus, CandidateStatus>> = {
  active: CandidateStatus.ACTIVE,
  withdrawn: CandidateStatus.WITHDRAWN,
  rejected: CandidateStatus.REJECTED,
  outdated: CandidateStatus.OUTDATED,
};

export interface CandidateViewerFacts {
  /** The string's current source hash: a candidate for an older one is not eligible. */
  readonly sourceHash: string;
  readonly viewerId: string | null;
  readonly myVote: number | null;
  /** Null when blind voting hides it from this viewer. */
  readonly author: UserModel | null;
  readonly tally: TallyModel | null;
}

/** The candidate's columns its model is made of (an entity, or a candidate-list row). */
export type CandidateFields = Pick<
  TranslationEntity,
  | 'id'
  | 'authorId'
  | 'sourceHash'
  | 'forms'
  | 'status'
  | 'origin'
  | 'findings'
  | 'blockingErrors'
  | 'hiddenAt'
  | 'createdAt'
>;

export function isEligibleCandidate(
  t: Pick<CandidateFields, 'status' | 'sourceHash' | 'blockingErrors'>,
  sourceHash: string,
): boolean {
  return t.status === 'active' && t.sourceHash === sourceHash && t.blockingErrors.length === 0;
}

export function toCandidateModel(t: CandidateFields, facts: CandidateViewerFacts): CandidateModel {
  return {
    id: t.id,
    forms: toFormModels(t.forms),
    status: STATUS[t.status],
    origin: t.origin,
    createdAt: t.createdAt,
    findings: t.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      form: f.form,
      message: f.message,
    })),
    eligible: isEligibleCandidate(t, facts.sourceHash),
    hidden: t.hiddenAt !== null,
    isMine: facts.viewerId !== null && t.authorId === facts.viewerId,
    myVote: facts.myVote,
    author: facts.author,
    tally: facts.tally,
  };
}
