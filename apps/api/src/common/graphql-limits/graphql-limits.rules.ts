import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { queryCost } from './query-cost';

function fragmentsOf(context: ValidationContext): Map<string, FragmentDefinitionNode> {
  const map = new Map<string, FragmentDefinitionNode>();
  for (const definition of context.getDocument().definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) map.set(definition.name.value, definition);
  }
  return map;
}

/** Refuses operations nested deeper than `maxDepth` fields (QUERY_TOO_DEEP). */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const { depth } = queryCost(context.getSchema(), node, fragmentsOf(context));
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
      const { cost } = queryCost(context.getSchema(), node, fragmentsOf(context));
      if (cost > maxCost) {
        context.reportError(
          new GraphQLError(
            `The query's estimated cost is ${cost}; at most ${maxCost} is allowed. Split it or select fewer fields.`,
            { nodes: [node], extensions: { code: 'QUERY_TOO_COMPLEX' } },
          ),
        );
      }
    },
  });
}

export function graphqlLimitRules(limits: {
  readonly graphqlMaxDepth: number;
  readonly graphqlMaxComplexity: number;
}): ValidationRule[] {
  return [depthLimitRule(limits.graphqlMaxDepth), complexityLimitRule(limits.graphqlMaxComplexity)];
}
