import { useTranslation } from 'react-i18next';

/** The source's placeholders and tags as buttons; Alt+N inserts the N-th one. */
export function PlaceholderBar({
  tokens,
  onInsert,
}: {
  readonly tokens: readonly string[];
  readonly onInsert: (index: number) => void;
}) {
  const { t } = useTranslation();
  if (tokens.length === 0) return null;
  return (
    <div className="placeholder-bar" role="group" aria-label={t('workspace.placeholders')}>
      {tokens.map((token, index) => (
        <button
          key={token}
          type="button"
          className="token-button"
          onClick={() => onInsert(index)}
          aria-keyshortcuts={index < 9 ? `Alt+${index + 1}` : undefined}
          title={index < 9 ? t('workspace.insertShortcut', { n: index + 1 }) : undefined}
        >
          <code className="token">{token}</code>
          {index < 9 && <kbd>{`Alt+${index + 1}`}</kbd>}
        </button>
      ))}
    </div>
  );
}
