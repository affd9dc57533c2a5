import {
  GraphQLError,
  Kind,
  NoSchemaIntrospectionCustomRule,
  specifiedRules,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { queryCost, type QueryCost } from './query-cost';

/**
 * Costs computed once per operation node and fragments once per document, so the depth and the
 * complexity rule (which run in the same validation pass) share one linear walk.
 */
const operationCosts = new WeakMap<OperationDefinitionNode, QueryCost>();
const fragmentCosts = new WeakMap<DocumentNode, Map<string, QueryCost>>();

function costOf(context: ValidationContext, node: OperationDefinitionNode): QueryCost {
  const known = operationCosts.get(node);
  if (known !== undefined) return known;
  const document = context.getDocument();
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  let memo = fragmentCosts.get(document);
  if (memo === undefined) {
    memo = new Map();
    fragmentCosts.set(document, memo);
  }
  const cost = queryCost(context.getSchema(), node, fragments, memo);
  operationCosts.set(node, cost);
  return cost;
}

/** Refuses operations nested deeper than `maxDepth` fields (QUERY_TOO_DEEP). */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const { depth } = costOf(context, node);
      if (depth > maxDepth) {
        context.reportError(
          new GraphQLError(
            `The query is ${depth} levels deep; at most ${maxDepth} are allowed. Ask for less nested data.`,
            { nodes: [node], extensions: { code: 'QUERY_TOO_DEEP' } },
          ),
        );
      }
    },
  });
}

/**
 * Refuses operations whose estimated cost (fields, list children ×10) exceeds `maxCost`
 * (QUERY_TOO_COMPLEX). A simple static bound: it stops a request from asking for everything.
 */
export function complexityLimitRule(maxCost: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const { cost } = costOf(context, node);
      if (cost > maxCost) {
        const shown = Number.isFinite(cost) && cost < 1e15 ? String(cost) : 'astronomical';
        context.reportError(
          new GraphQLError(
            `The query's estimated cost is ${shown}; at most ${maxCost} is allowed. Split it or select fewer fields.`,
            { nodes: [node], extensions: { code: 'QUERY_TOO_COMPLEX' } },
          ),
        );
      }
    },
  });
}

export interface GraphqlLimits {
  readonly graphqlMaxDepth: number;
  readonly graphqlMaxComplexity: number;
}

/** The rules Apollo adds to graphql-js's specified ones on HTTP. */
export function graphqlLimitRules(limits: GraphqlLimits): ValidationRule[] {
  return [depthLimitRule(limits.graphqlMaxDepth), complexityLimitRule(limits.graphqlMaxComplexity)];
}

/**
 * Every rule a document must pass, for transports that validate by themselves (graphql-ws):
 * graphql-js's specified rules, the limits, and no introspection in production, which is what
 * Apollo applies on HTTP with `introspection: false`.
 */
export function allValidationRules(
  limits: GraphqlLimits & { readonly nodeEnv: string },
): readonly ValidationRule[] {
  return [
    ...specifiedRules,
    ...graphqlLimitRules(limits),
    ...(limits.nodeEnv === 'production' ? [NoSchemaIntrospectionCustomRule] : []),
  ];
}
