import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROJECT_ACCESS } from '../api/open-call-operations';
import { request } from '../graphql-client';
import { ErrorMessage, Loading } from '../pages/load-state';
import { PageHeading } from '../pages/page-heading';
import { Link } from '../router/router';
import { useQuery } from '../use-query';
import { DecisionsAdminPanel } from '../decisions/decisions-admin-panel';
import { ApiTokensPanel } from './api-tokens-panel';
import { CatalogueUploadPanel } from './catalogue-upload-panel';
import { FlaggedAccountsPanel } from './flagged-accounts-panel';
import { InContextPanel } from './in-context-panel';
import { LocalesPanel } from './locales-panel';
import { MembersPanel } from './members-panel';
import { ModerationPanel } from './moderation-panel';
import { ModerationQueuePanel } from '../moderation/moderation-queue-panel';
import { VotingParametersPanel } from './voting-parameters-panel';
import { WebhooksPanel } from './webhooks-panel';
import { adminPanelsFor } from './admin-panels';
import { InvitesPanel } from '../open-call/invites-panel';
import { JoinButtons } from '../open-call/join-buttons';
import { OpenCallPanel } from '../open-call/open-call-panel';

export function AdminPage({ slug }: { readonly slug: string }) {
  const { t } = useTranslation();
  const project = useQuery(() => request(PROJECT_ACCESS, { slug }), slug);
  const [imports, setImports] = useState(0);
  if (project.state === 'loading') return <Loading />;
  if (project.state === 'error') return <ErrorMessage message={project.message} />;
  const access = project.data.project;
  // Only the panels the permission table lets this viewer use (Project.viewerCan).
  const panels = new Set(adminPanelsFor(access.viewerCan.actions));
  return (
    <>
      <PageHeading>{t('admin.title', { name: access.name })}</PageHeading>
      <p>
        <Link to={{ name: 'dashboard', slug }}>{t('workspace.backToProject')}</Link>
      </p>
      {panels.size === 0 && (
        <div className="card" data-testid="admin-nothing">
          <p>{t('openCall.admin.nothingHere')}</p>
          <JoinButtons project={access} onJoined={project.reload} />
        </div>
      )}
      <div className="admin-grid">
        {panels.has('catalogue') && (
          <CatalogueUploadPanel project={slug} onImported={() => setImports((n) => n + 1)} />
        )}
        {panels.has('locales') && <LocalesPanel project={slug} version={imports} />}
        {panels.has('voting') && <VotingParametersPanel project={slug} />}
        {panels.has('openCall') && <OpenCallPanel project={access} onChanged={project.reload} />}
        {panels.has('inContext') && <InContextPanel project={slug} />}
        {panels.has('members') && <MembersPanel project={slug} />}
        {panels.has('invites') && <InvitesPanel project={slug} />}
        {panels.has('tokens') && <ApiTokensPanel project={slug} />}
        {panels.has('webhooks') && <WebhooksPanel project={slug} />}
        {panels.has('moderationQueue') && <ModerationQueuePanel project={slug} />}
        {panels.has('decisions') && <DecisionsAdminPanel project={slug} />}
        {panels.has('moderation') && <ModerationPanel project={slug} />}
        {panels.has('flaggedAccounts') && <FlaggedAccountsPanel project={slug} />}
      </div>
    </>
  );
}
