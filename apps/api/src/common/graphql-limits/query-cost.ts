import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** Children of a list field count this many times: a rough "page size" for the cost estimate. */
export const LIST_FACTOR = 10;

export interface QueryCost {
  /** Deepest chain of fields (a root field is depth 1). Introspection fields are not counted. */
  readonly depth: number;
  /** Fields selected, with fragments expanded and list children multiplied by LIST_FACTOR. */
  readonly cost: number;
}

/** Walks one operation with fragments expanded (each spread at most once per path: no cycles). */
export function queryCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): QueryCost {
  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  return walk(schema, root ?? undefined, operation.selectionSet, fragments, new Set());
}

function walk(
  schema: GraphQLSchema,
  parent: GraphQLNamedType | undefined,
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  visiting: ReadonlySet<string>,
): QueryCost {
  let depth = 0;
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      const fields =
        parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields() : {};
      const type = fields[selection.name.value]?.type;
      const factor = type !== undefined && isListType(getNullableType(type)) ? LIST_FACTOR : 1;
      const inner = selection.selectionSet
        ? walk(schema, type && getNamedType(type), selection.selectionSet, fragments, visiting)
        : { depth: 0, cost: 0 };
      depth = Math.max(depth, 1 + inner.depth);
      cost += 1 + factor * inner.cost;
      continue;
    }
    const fragment =
      selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
    if (fragment === undefined) continue;
    const name = selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : null;
    if (name !== null && visiting.has(name)) continue;
    const condition = fragment.typeCondition
      ? schema.getType(fragment.typeCondition.name.value)
      : parent;
    const inner = walk(
      schema,
      condition ?? parent,
      fragment.selectionSet,
      fragments,
      name === null ? visiting : new Set([...visiting, name]),
    );
    depth = Math.max(depth, inner.depth);
    cost += inner.cost;
  }
  return { depth, cost };
}
