import { useTranslation } from 'react-i18next';
import { LEADERBOARD } from '../api/project-operations';
import { request } from '../graphql-client';
import { ErrorMessage, Loading } from '../pages/load-state';
import { Badge } from '../open-call/badge';
import { useQuery } from '../use-query';

export function Leaderboard({
  project,
  locale,
}: {
  readonly project: string;
  readonly locale: string;
}) {
  const { t } = useTranslation();
  const board = useQuery(() => request(LEADERBOARD, { project, locale }), `${project}/${locale}`);
  if (board.state === 'loading') return <Loading />;
  if (board.state === 'error') return <ErrorMessage message={board.message} />;
  if (board.data.leaderboard.length === 0) return <p>{t('leaderboard.empty')}</p>;
  return (
    <div className="table-scroll">
      <table>
        <caption>{t('leaderboard.caption', { locale })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('leaderboard.user')}</th>
            <th scope="col">{t('leaderboard.accepted')}</th>
            <th scope="col">{t('openCall.leaderboard.candidates')}</th>
            <th scope="col">{t('openCall.leaderboard.votes')}</th>
            <th scope="col">{t('leaderboard.agree')}</th>
            <th scope="col">{t('leaderboard.reliability')}</th>
            <th scope="col">{t('leaderboard.badges')}</th>
          </tr>
        </thead>
        <tbody>
          {board.data.leaderboard.map((entry) => (
            <tr key={entry.user.id}>
              <th scope="row">{entry.user.displayName}</th>
              <td>{entry.accepted}</td>
              <td>{entry.candidates}</td>
              <td>{entry.votes}</td>
              <td>
                {entry.agree}/{entry.agree + entry.disagree}
              </td>
              <td>{Math.round(entry.reliability * 100)}%</td>
              <td>
                {entry.badges.map((code) => (
                  <Badge key={code} code={code} />
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
