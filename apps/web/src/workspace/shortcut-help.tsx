import { useTranslation } from 'react-i18next';
import { SHORTCUT_HELP, shortcutActionKey } from './shortcuts';

/** The keyboard map, in a native disclosure so it is reachable and closable without a mouse. */
export function ShortcutHelp({
  open,
  onToggle,
}: {
  readonly open: boolean;
  readonly onToggle: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <details
      className="shortcut-help"
      open={open}
      onToggle={(event) => onToggle(event.currentTarget.open)}
    >
      <summary>{t('workspace.shortcuts.title')}</summary>
      <table>
        <caption className="visually-hidden">{t('workspace.shortcuts.title')}</caption>
        <tbody>
          {SHORTCUT_HELP.map((row) => (
            <tr key={row.action}>
              <th scope="row">
                <kbd>{row.keys}</kbd>
              </th>
              <td>{t(shortcutActionKey(row.action))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
