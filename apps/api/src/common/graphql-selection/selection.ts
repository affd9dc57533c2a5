import { type GraphQLResolveInfo, Kind, type SelectionNode } from 'graphql';

/** The selections made directly on the resolved field (one list per occurrence of the field). */
function selectionsOf(info: GraphQLResolveInfo): (readonly SelectionNode[] | undefined)[] {
  return info.fieldNodes.map((node) => node.selectionSet?.selections);
}

/**
 * Whether the operation selects nothing but `fields` on this resolver's result: plain fields
 * only, so a fragment (not looked into) counts as selecting more. Lets a resolver skip reads
 * nobody asked for.
 */
export function selectsOnly(info: GraphQLResolveInfo, fields: ReadonlySet<string>): boolean {
  return selectionsOf(info).every(
    (selections) =>
      selections?.every((s) => s.kind === Kind.FIELD && fields.has(s.name.value)) ?? true,
  );
}

/**
 * Whether the operation may select `field` on this resolver's result: a direct selection, or any
 * fragment (not looked into: then it may).
 */
export function mayAskFor(info: GraphQLResolveInfo, field: string): boolean {
  return mayAskForPath(info, [field]);
}

/**
 * Whether the operation may select the field at `path` below this resolver's result (e.g.
 * `['edges', 'node', 'screenshots']` on a connection), followed through plain fields; a fragment
 * anywhere on the way is not looked into, so then it may.
 */
export function mayAskForPath(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  const within = (selections: readonly SelectionNode[] | undefined, depth: number): boolean =>
    selections?.some(
      (s) =>
        s.kind !== Kind.FIELD ||
        (s.name.value === path[depth] &&
          (depth === path.length - 1 || within(s.selectionSet?.selections, depth + 1))),
    ) ?? false;
  return path.length > 0 && selectionsOf(info).some((selections) => within(selections, 0));
}
