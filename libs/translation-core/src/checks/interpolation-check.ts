import type { FormKey } from '../model';
import type { Interpolation } from '../placeholders/interpolation';
import type { Finding } from './finding';
import { finding, formLabel } from './finding';

function rootsOf(list: readonly Interpolation[], skip: string | null): Set<string> {
  const m = new Set<string>();
  for (const ip of list) if (ip.root !== skip) m.add(ip.root);
  return m;
}

const braces = (names: readonly string[]): string => names.map((n) => `{{${n}}}`).join(', ');

export interface InterpolationContext {
  readonly form: FormKey;
  /** For plural and ordinal units: `count` is checked by presence (see countRequired), not by set. */
  readonly pluralUnit: boolean;
  /** `count` must appear in this form (it appears in the source and the form covers more than one number). */
  readonly countRequired: boolean;
  /** Explains why count is required, e.g. "ru form \"one\" is also used for 21, 31, 41, 51, …". */
  readonly countReason: string;
}

/**
 * E: placeholder SET (by root path): a missing or unknown name. How often a name is used is free: i18next fills
 * every occurrence, so `{{app}} … {{app}}` for a source with one `{{app}}` renders fine (DOMAIN A9).
 * E: unescape introduced. W: format spec changed.
 */
export function checkInterpolations(
  source: readonly Interpolation[],
  target: readonly Interpolation[],
  ctx: InterpolationContext,
): Finding[] {
  const out: Finding[] = [];
  const skip = ctx.pluralUnit ? 'count' : null;
  const s = rootsOf(source, skip);
  const t = rootsOf(target, skip);
  const missing = [...s].filter((root) => !t.has(root));
  const extra = [...t].filter((root) => !s.has(root));
  if (ctx.pluralUnit && ctx.countRequired && !target.some((ip) => ip.root === 'count')) {
    out.push(
      finding(
        'PLACEHOLDER_MISSING',
        ctx.form,
        `${formLabel(ctx.form)} must contain {{count}}: ${ctx.countReason}. Write the number with {{count}}.`,
      ),
    );
  }
  if (missing.length > 0) {
    out.push(
      finding(
        'PLACEHOLDER_MISSING',
        ctx.form,
        `${formLabel(ctx.form)} lacks ${braces(missing)}. Keep every placeholder of the source, unchanged.`,
      ),
    );
  }
  if (extra.length > 0) {
    out.push(
      finding(
        'PLACEHOLDER_EXTRA',
        ctx.form,
        `${formLabel(ctx.form)} has ${braces(extra)}, which the source does not have. Use only the source's placeholders; they are filled in by the app.`,
      ),
    );
  }
  const unescapedInSource = new Set(source.filter((ip) => ip.unescaped).map((ip) => ip.root));
  const introduced = [
    ...new Set(
      target.filter((ip) => ip.unescaped && !unescapedInSource.has(ip.root)).map((ip) => ip.root),
    ),
  ];
  if (introduced.length > 0) {
    out.push(
      finding(
        'UNESCAPE_INTRODUCED',
        ctx.form,
        `${formLabel(ctx.form)} turns ${braces(introduced)} into unescaped {{- …}}, which would insert raw HTML (a security hole). Write {{${introduced[0] ?? ''}}} as in the source.`,
      ),
    );
  }
  const formats = (list: readonly Interpolation[], root: string): string =>
    [
      ...new Set(
        list
          .filter((ip) => ip.root === root)
          .map((ip) => `${ip.unescaped ? '-' : ''}${ip.format ?? ''}`),
      ),
    ]
      .sort()
      .join('|');
  const changed = [...s].filter(
    (root) => t.has(root) && formats(source, root) !== formats(target, root),
  );
  if (changed.length > 0) {
    out.push(
      finding(
        'FORMAT_CHANGED',
        ctx.form,
        `${formLabel(ctx.form)} formats ${braces(changed)} differently from the source (for example {{x, number}} became {{x}}). Keep the source's format unless the language needs another.`,
      ),
    );
  }
  return out;
}
