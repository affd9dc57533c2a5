import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StringScreenshot } from '../api/types';

function percent(part: number, whole: number): string {
  return `${((part / Math.max(whole, 1)) * 100).toFixed(3)}%`;
}

/**
 * Where the string appears in the running app: the newest screenshots the in-context package
 * uploaded, the key's region outlined (docs/in-context.md). Nothing when there are none.
 */
export function ScreenshotPanel({
  keyName,
  screenshots,
}: {
  readonly keyName: string;
  readonly screenshots: readonly StringScreenshot[];
}) {
  const { t } = useTranslation();
  const [index, setIndex] = useState(0);
  const shot = screenshots[Math.min(index, screenshots.length - 1)];
  if (shot === undefined) return null;
  return (
    <section className="screenshot-panel" aria-labelledby="screenshot-heading">
      <h3 id="screenshot-heading">{t('workspace.screenshots')}</h3>
      <figure className="screenshot" data-testid="string-screenshot">
        <a href={shot.url} target="_blank" rel="noopener noreferrer">
          <img src={shot.url} alt={t('workspace.screenshotAlt', { key: keyName })} />
        </a>
        <span
          className="screenshot-region"
          data-testid="screenshot-region"
          aria-hidden="true"
          style={{
            left: percent(shot.x, shot.imageWidth),
            top: percent(shot.y, shot.imageHeight),
            width: percent(shot.width, shot.imageWidth),
            height: percent(shot.height, shot.imageHeight),
          }}
        />
      </figure>
      {screenshots.length > 1 && (
        <div className="screenshot-pager">
          {screenshots.map((s, i) => (
            <button key={s.id} type="button" aria-pressed={i === index} onClick={() => setIndex(i)}>
              {t('workspace.screenshotNumber', { number: i + 1 })}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
