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
  return selectionsOf(info).some(
    (selections) =>
      selections?.some((s) => s.kind !== Kind.FIELD || s.name.value === field) ?? false,
  );
}
