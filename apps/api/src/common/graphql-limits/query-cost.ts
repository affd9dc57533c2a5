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

/**
 * The weight of a field that runs queries of its own for each parent (a project's capabilities,
 * its goals' progress): priced so that it fits on one parent but not under a list of them
 * (LIST_FACTOR × 501 is past GRAPHQL_MAX_COMPLEXITY's default of 5,000). Set it with
 * `complexity` on the field's decorator; the walker reads `extensions.complexity`.
 */
export const PER_PARENT_QUERIES = 500;

export interface QueryCost {
  /** Deepest chain of fields (a root field is depth 1). Introspection fields are not counted. */
  readonly depth: number;
  /**
   * Fields selected (each 1, or its `complexity` when the schema gives one), with fragments
   * expanded and list children multiplied by LIST_FACTOR.
   */
  readonly cost: number;
}

const ZERO: QueryCost = { depth: 0, cost: 0 };

/**
 * Walks one operation with fragments expanded. Each named fragment is walked once and its
 * result reused at every spread, so the time is linear in the document even when the expanded
 * query is exponential (`fragment F2 { ...F1 ...F1 }`, 20 levels deep, is a 2^20 cost found in
 * microseconds instead of a 2^20-node walk). The numbers grow as the expansion does and may reach
 * Infinity, which any limit refuses. A spread of a fragment that is still being walked (a cycle,
 * which NoFragmentCyclesRule refuses anyway) counts as nothing.
 */
export function queryCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  memo: Map<string, QueryCost> = new Map(),
): QueryCost {
  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  const walker = new CostWalker(schema, fragments, memo);
  return walker.walk(root ?? undefined, operation.selectionSet);
}

class CostWalker {
  private readonly visiting = new Set<string>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    /** Per named fragment; a fragment's type condition fixes its parent type, so the name is the key. */
    private readonly memo: Map<string, QueryCost>,
  ) {}

  walk(parent: GraphQLNamedType | undefined, selectionSet: SelectionSetNode): QueryCost {
    let depth = 0;
    let cost = 0;
    for (const selection of selectionSet.selections) {
      let inner: QueryCost;
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        const fields =
          parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields() : {};
        const field = fields[selection.name.value];
        const type = field?.type;
        const factor = type !== undefined && isListType(getNullableType(type)) ? LIST_FACTOR : 1;
        const weight = field === undefined ? 1 : weightOf(field.extensions);
        const children = selection.selectionSet
          ? this.walk(type && getNamedType(type), selection.selectionSet)
          : ZERO;
        depth = Math.max(depth, 1 + children.depth);
        cost += weight + factor * children.cost;
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition
          ? this.schema.getType(selection.typeCondition.name.value)
          : parent;
        inner = this.walk(condition ?? parent, selection.selectionSet);
      } else {
        inner = this.spread(selection.name.value, parent);
      }
      depth = Math.max(depth, inner.depth);
      cost += inner.cost;
    }
    return { depth, cost };
  }

  private spread(name: string, parent: GraphQLNamedType | undefined): QueryCost {
    const known = this.memo.get(name);
    if (known !== undefined) return known;
    const fragment = this.fragments.get(name);
    if (fragment === undefined || this.visiting.has(name)) return ZERO;
    this.visiting.add(name);
    const condition = this.schema.getType(fragment.typeCondition.name.value);
    const result = this.walk(condition ?? parent, fragment.selectionSet);
    this.visiting.delete(name);
    this.memo.set(name, result);
    return result;
  }
}

/** A field's own cost: its numeric `complexity` extension when positive, else 1. */
function weightOf(extensions: Readonly<Record<string, unknown>> | null | undefined): number {
  const complexity = extensions?.['complexity'];
  return typeof complexity === 'number' && Number.isFinite(complexity) && complexity > 0
    ? complexity
    : 1;
}
