import { document } from '../graphql-client';

/** What a volunteer may give as the reason of a report (API enum ReportReasonInput). */
export const REPORT_REASONS = [
  'WRONG',
  'OFFENSIVE',
  'SPAM',
  'MACHINE_TRANSLATED',
  'OTHER',
] as const;
export type ReportReasonInput = (typeof REPORT_REASONS)[number];
export type ReportReason = ReportReasonInput | 'ABUSE_SCAN';
export type ModerationAction = 'HIDE' | 'REJECT' | 'WARN' | 'BAN' | 'DISMISS';
/** The API's bound on a report's note. */
export const REPORT_NOTE_MAX = 1000;

export interface ModerationReport {
  readonly id: string;
  readonly locale: string | null;
  readonly target: 'CANDIDATE' | 'USER';
  readonly reason: ReportReason;
  readonly note: string | null;
  readonly reporter: { readonly id: string; readonly displayName: string } | null;
  readonly targetUser: { readonly id: string; readonly displayName: string };
  readonly candidate: {
    readonly id: string;
    readonly stringId: string;
    readonly key: string;
    readonly text: string;
    readonly hidden: boolean;
    readonly status: string;
  } | null;
  readonly abuseKind: string | null;
  readonly openReportsOnTarget: number;
  readonly open: boolean;
  readonly createdAt: string;
}

const REPORT_FIELDS = `id locale target reason note reporter { id displayName }
  targetUser { id displayName } candidate { id stringId key text hidden status }
  abuseKind openReportsOnTarget open createdAt`;

export const REPORT_CANDIDATE = document<
  { reportCandidate: { id: string } },
  { input: { candidateId: string; reason: ReportReasonInput; note: string | null } }
>(
  'mutation ReportCandidate($input: ReportCandidateInput!) { reportCandidate(input: $input) { id } }',
);

export const REPORT_USER = document<
  { reportUser: { id: string } },
  {
    input: {
      project: string;
      userId: string;
      locale: string | null;
      reason: ReportReasonInput;
      note: string | null;
    };
  }
>('mutation ReportUser($input: ReportUserInput!) { reportUser(input: $input) { id } }');

export const MODERATION_QUEUE = document<
  { moderationQueue: { items: ModerationReport[]; nextCursor: string | null } },
  { project: string; locale: string | null; after: string | null; first: number }
>(
  `query ModerationQueue($project: String!, $locale: String, $after: ID, $first: Int!) {
    moderationQueue(project: $project, locale: $locale, after: $after, first: $first) {
      items { ${REPORT_FIELDS} } nextCursor } }`,
);

export const MODERATE_REPORT = document<
  { moderateReport: { id: string; open: boolean } },
  {
    input: {
      reportId: string;
      action: ModerationAction;
      reason: string;
      banDays: number | null;
    };
  }
>(
  'mutation ModerateReport($input: ModerateReportInput!) { moderateReport(input: $input) { id open } }',
);
