import type { GraphQLResolveInfo } from 'graphql';
import { mayAskFor, mayAskForPath } from '../common/graphql-selection/selection';

/**
 * What the operation selects of a TranslatableString beyond its own row: its screenshots are one
 * more query per page, read only when asked for.
 */
export interface ModelReads {
  readonly screenshots: boolean;
}

/** For a resolver whose result is one TranslatableString. */
export function readsOf(info: GraphQLResolveInfo): ModelReads {
  return { screenshots: mayAskFor(info, 'screenshots') };
}

/** For a resolver whose result is a StringConnection (its strings are `edges.node`). */
export function pageReadsOf(info: GraphQLResolveInfo): ModelReads {
  return { screenshots: mayAskForPath(info, ['edges', 'node', 'screenshots']) };
}
