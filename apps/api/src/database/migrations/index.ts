import { InitialSchema1795610077783 } from './1795610077783-InitialSchema';
import { CatalogueTranslationVoting1795611182845 } from './1795611182845-CatalogueTranslationVoting';
import { Delivery1795611823676 } from './1795611823676-Delivery';
import { ImportUpload1795612075210 } from './1795612075210-ImportUpload';
import { AbuseSignals1795612628336 } from './1795612628336-AbuseSignals';
import { ReputationFromLedger1795616000000 } from './1795616000000-ReputationFromLedger';
import { SourceStringQueueOrder1795617000000 } from './1795617000000-SourceStringQueueOrder';
import { RoundDirtyUndecided1795618000000 } from './1795618000000-RoundDirtyUndecided';
import { BundleBuildDuration1795619000000 } from './1795619000000-BundleBuildDuration';
import { BundleRequest1795620000000 } from './1795620000000-BundleRequest';
import { ImportUploadAutoKeys1795621000000 } from './1795621000000-ImportUploadAutoKeys';
import { RateLimit1795623000000 } from './1795623000000-RateLimit';
import { ProjectSystemFlag1795623100000 } from './1795623100000-ProjectSystemFlag';
import { ImportUploadJsonFormat1795625000000 } from './1795625000000-ImportUploadJsonFormat';
import { VoteTargetOpen1795626000000 } from './1795626000000-VoteTargetOpen';
import { StringLeaseUnlogged1795627000000 } from './1795627000000-StringLeaseUnlogged';
import { RoundNeedsDecisionIndex1795629000000 } from './1795629000000-RoundNeedsDecisionIndex';
import { ApprovalEventIndex1795630000000 } from './1795630000000-ApprovalEventIndex';
import { OpenCall1795632000000 } from './1795632000000-OpenCall';
import { Notification1795633000000 } from './1795633000000-Notification';
import { Discussion1795633100000 } from './1795633100000-Discussion';
import { Moderation1795634000000 } from './1795634000000-Moderation';
import { ModerationNotifications1795634100000 } from './1795634100000-ModerationNotifications';
import { Glossary1795635000000 } from './1795635000000-Glossary';
import { Screenshots1795637000000 } from './1795637000000-Screenshots';
import { CloseUpdatesHot1795638000000 } from './1795638000000-CloseUpdatesHot';
import { VoteEvaluation1795639000000 } from './1795639000000-VoteEvaluation';
import { LedgerVoterSumIndex1795640000000 } from './1795640000000-LedgerVoterSumIndex';
import { VoteEvaluationFollowsVote1795641000000 } from './1795641000000-VoteEvaluationFollowsVote';
import { VoterReputationTotal1795642000000 } from './1795642000000-VoterReputationTotal';
import { GlossaryTermMatchKey1795643000000 } from './1795643000000-GlossaryTermMatchKey';
import { LedgerProjectLocaleIndex1795644000000 } from './1795644000000-LedgerProjectLocaleIndex';
import { RoundDueIndex1795645000000 } from './1795645000000-RoundDueIndex';
import { StringLeaseByVolunteerLocale1795646000000 } from './1795646000000-StringLeaseByVolunteerLocale';
import { SourceTextTrigramByProject1795647000000 } from './1795647000000-SourceTextTrigramByProject';
import { SourceKeyTrigramByProject1795648000000 } from './1795648000000-SourceKeyTrigramByProject';

/** Every migration in timestamp order (TypeORM sorts by timestamp too). Committed migrations are never edited; add a new one instead. */
export const MIGRATIONS = [
  InitialSchema1795610077783,
  CatalogueTranslationVoting1795611182845,
  Delivery1795611823676,
  ImportUpload1795612075210,
  AbuseSignals1795612628336,
  ReputationFromLedger1795616000000,
  SourceStringQueueOrder1795617000000,
  RoundDirtyUndecided1795618000000,
  BundleBuildDuration1795619000000,
  BundleRequest1795620000000,
  ImportUploadAutoKeys1795621000000,
  RateLimit1795623000000,
  ProjectSystemFlag1795623100000,
  ImportUploadJsonFormat1795625000000,
  VoteTargetOpen1795626000000,
  StringLeaseUnlogged1795627000000,
  RoundNeedsDecisionIndex1795629000000,
  ApprovalEventIndex1795630000000,
  OpenCall1795632000000,
  Notification1795633000000,
  Discussion1795633100000,
  Moderation1795634000000,
  ModerationNotifications1795634100000,
  Glossary1795635000000,
  Screenshots1795637000000,
  CloseUpdatesHot1795638000000,
  VoteEvaluation1795639000000,
  LedgerVoterSumIndex1795640000000,
  VoteEvaluationFollowsVote1795641000000,
  VoterReputationTotal1795642000000,
  GlossaryTermMatchKey1795643000000,
  LedgerProjectLocaleIndex1795644000000,
  RoundDueIndex1795645000000,
  StringLeaseByVolunteerLocale1795646000000,
  SourceTextTrigramByProject1795647000000,
  SourceKeyTrigramByProject1795648000000,
];
