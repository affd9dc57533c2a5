import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROJECT } from '../api/project-operations';
import { request } from '../graphql-client';
import { ErrorMessage, Loading } from '../pages/load-state';
import { PageHeading } from '../pages/page-heading';
import { Link } from '../router/router';
import { useQuery } from '../use-query';
import { DecisionsAdminPanel } from '../decisions/decisions-admin-panel';
import { ApiTokensPanel } from './api-tokens-panel';
import { CatalogueUploadPanel } from './catalogue-upload-panel';
import { FlaggedAccountsPanel } from './flagged-accounts-panel';
import { LocalesPanel } from './locales-panel';
import { MembersPanel } from './members-panel';
import { ModerationPanel } from './moderation-panel';
import { ModerationQueuePanel } from '../moderation/moderation-queue-panel';
import { VotingParametersPanel } from './voting-parameters-panel';
import { WebhooksPanel } from './webhooks-panel';

export function AdminPage({ slug }: { readonly slug: string }) {
  const { t } = useTranslation();
  const project = useQuery(() => request(PROJECT, { slug }), slug);
  const [imports, setImports] = useState(0);
  if (project.state === 'loading') return <Loading />;
  if (project.state === 'error') return <ErrorMessage message={project.message} />;
  return (
    <>
      <PageHeading>{t('admin.title', { name: project.data.project.name })}</PageHeading>
      <p>
        <Link to={{ name: 'dashboard', slug }}>{t('workspace.backToProject')}</Link>
      </p>
      <div className="admin-grid">
        <CatalogueUploadPanel project={slug} onImported={() => setImports((n) => n + 1)} />
        <LocalesPanel project={slug} version={imports} />
        <VotingParametersPanel project={slug} />
        <MembersPanel project={slug} />
        <ApiTokensPanel project={slug} />
        <WebhooksPanel project={slug} />
        <ModerationQueuePanel project={slug} />
        <DecisionsAdminPanel project={slug} />
        <ModerationPanel project={slug} />
        <FlaggedAccountsPanel project={slug} />
      </div>
    </>
  );
}
