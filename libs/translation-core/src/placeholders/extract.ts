import type { Interpolation } from './interpolation';
import { extractInterpolations } from './interpolation';
import type { Nesting } from './nesting';
import { extractNestings } from './nesting';
import type { Tag } from './tags';
import { extractTags } from './tags';

export interface Placeholders {
  readonly interpolations: readonly Interpolation[];
  readonly nestings: readonly Nesting[];
  readonly tags: readonly Tag[];
}

/** Everything in a string that a translation must keep: `{{…}}`, `$t(…)` and `<Trans>` tags. */
export function extractPlaceholders(text: string): Placeholders {
  return {
    interpolations: extractInterpolations(text),
    nestings: extractNestings(text),
    tags: extractTags(text),
  };
}
