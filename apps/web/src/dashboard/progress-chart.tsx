import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocaleStats } from '../api/types';

const SEGMENTS = ['decided', 'voting', 'stale', 'untranslated'] as const;
type SegmentName = (typeof SEGMENTS)[number];

const WIDTH = 300;
const BAR_HEIGHT = 22;

/** One stacked SVG bar per locale; the numbers are in the accessible name, not only in colour. */
export function ProgressChart({ stats }: { readonly stats: readonly LocaleStats[] }) {
  const { t } = useTranslation();
  const legendId = useId();
  return (
    <figure className="progress-chart">
      <figcaption id={legendId}>
        <span className="legend">
          {SEGMENTS.map((segment) => (
            <span key={segment} className="legend-item">
              <span className={`swatch swatch-${segment}`} aria-hidden="true" />
              {t(`dashboard.segment.${segment}`)}
            </span>
          ))}
        </span>
      </figcaption>
      {stats.map((s) => (
        <LocaleBar key={s.locale} stats={s} />
      ))}
    </figure>
  );
}

function LocaleBar({ stats }: { readonly stats: LocaleStats }) {
  const { t } = useTranslation();
  const titleId = useId();
  const label = t('dashboard.chartLabel', {
    locale: stats.locale,
    decided: stats.decided,
    voting: stats.voting,
    stale: stats.stale,
    untranslated: stats.untranslated,
    total: stats.total,
    coverage: Math.round(stats.coverage),
  });
  let x = 0;
  const value = (segment: SegmentName): number => stats[segment];
  return (
    <div className="locale-bar" data-testid={`progress-${stats.locale}`}>
      <span className="locale-bar-label" aria-hidden="true">
        {stats.locale} · {Math.round(stats.coverage)}%
      </span>
      <svg
        role="img"
        aria-labelledby={titleId}
        viewBox={`0 0 ${WIDTH} ${BAR_HEIGHT}`}
        preserveAspectRatio="none"
        className="bar"
      >
        <title id={titleId}>{label}</title>
        <rect x={0} y={0} width={WIDTH} height={BAR_HEIGHT} className="segment-track" />
        {SEGMENTS.map((segment) => {
          const width = stats.total === 0 ? 0 : (value(segment) / stats.total) * WIDTH;
          const rect = (
            <rect
              key={segment}
              x={x}
              y={0}
              width={width}
              height={BAR_HEIGHT}
              className={`segment segment-${segment}`}
              data-segment={segment}
              data-value={value(segment)}
            />
          );
          x += width;
          return rect;
        })}
      </svg>
    </div>
  );
}
