import { EventEntity } from '../audit/event.entity';
import { InviteEntity } from '../community/invite.entity';
import { LocaleGoalEntity } from '../community/locale-goal.entity';
import { BundleSetEntity } from '../delivery/bundle-set.entity';
import { BundleRequestEntity } from '../delivery/bundle-request.entity';
import { BundleVersionEntity } from '../delivery/bundle-version.entity';
import { BundleEntity } from '../delivery/bundle.entity';
import { WebhookEntity } from '../delivery/webhook.entity';
import { ImportUploadEntity } from '../catalogue/import-upload.entity';
import { LocaleEntity } from '../catalogue/locale.entity';
import { MembershipEntity } from '../identity/membership.entity';
import { NamespaceEntity } from '../catalogue/namespace.entity';
import { ProjectEntity } from '../catalogue/project.entity';
import { SourceStringEntity } from '../catalogue/source-string.entity';
import { ApiTokenEntity } from '../identity/api-token.entity';
import { SessionEntity } from '../identity/session.entity';
import { UserEntity } from '../identity/user.entity';
import { StringLeaseEntity } from '../translation/string-lease.entity';
import { TranslationUnitEntity } from '../translation/translation-unit.entity';
import { TranslationEntity } from '../translation/translation.entity';
import { AbuseFlagEntity } from '../voting/abuse-flag.entity';
import { CollusionPairEntity } from '../voting/collusion-pair.entity';
import { ReputationLedgerEntity } from '../voting/reputation-ledger.entity';
import { RoundEntity } from '../voting/round.entity';
import { VoteEvaluationEntity } from '../voting/vote-evaluation.entity';
import { VoterReputationTotalEntity } from '../voting/voter-reputation-total.entity';
import { VoteEntity } from '../voting/vote.entity';
import { NotificationEntity } from '../notification/notification.entity';
import { DiscussionThreadEntity } from '../discussion/discussion-thread.entity';
import { DiscussionCommentEntity } from '../discussion/discussion-comment.entity';
import { ModerationReportEntity } from '../moderation/moderation-report.entity';
import { ProjectBanEntity } from '../moderation/project-ban.entity';
import { GlossaryTermEntity } from '../glossary/glossary-term.entity';
import { ScreenshotEntity, ScreenshotRegionEntity } from '../screenshot/screenshot.entity';

/** Every entity, listed explicitly: the API is bundled, so globs cannot find them. */
export const ENTITIES = [
  UserEntity,
  SessionEntity,
  ApiTokenEntity,
  ProjectEntity,
  MembershipEntity,
  LocaleEntity,
  NamespaceEntity,
  SourceStringEntity,
  TranslationUnitEntity,
  TranslationEntity,
  StringLeaseEntity,
  VoteEntity,
  VoteEvaluationEntity,
  RoundEntity,
  ReputationLedgerEntity,
  VoterReputationTotalEntity,
  AbuseFlagEntity,
  CollusionPairEntity,
  EventEntity,
  ImportUploadEntity,
  BundleEntity,
  BundleVersionEntity,
  BundleSetEntity,
  BundleRequestEntity,
  WebhookEntity,
  InviteEntity,
  LocaleGoalEntity,
  NotificationEntity,
  DiscussionThreadEntity,
  DiscussionCommentEntity,
  ModerationReportEntity,
  ProjectBanEntity,
  GlossaryTermEntity,
  ScreenshotEntity,
  ScreenshotRegionEntity,
];
