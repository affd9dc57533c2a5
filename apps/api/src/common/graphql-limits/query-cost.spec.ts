import {
  buildSchema,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  Kind,
  parse,
  specifiedRules,
  validate,
  type OperationDefinitionNode,
} from 'graphql';
import { allValidationRules, graphqlLimitRules } from './graphql-limits.rules';
import { PER_PARENT_QUERIES, queryCost } from './query-cost';

const schema = buildSchema(`
  type Query { me: User, users: [User!]! }
  type User { id: ID!, name: String!, friends: [User!]! }
  type Subscription { tick: Int! }
`);

/** Issue 14 #2: 20 levels of fragments, each spreading the previous one twice (825 bytes). */
function exponentialDocument(levels: number): string {
  const fragments = ['fragment F0 on User { id name }'];
  for (let i = 1; i <= levels; i += 1) {
    fragments.push(`fragment F${i} on User { ...F${i - 1} ...F${i - 1} }`);
  }
  return `query { me { ...F${levels} } } ${fragments.join(' ')}`;
}

/** Projects whose `goals` field runs queries per project (complexity PER_PARENT_QUERIES). */
const Project: GraphQLObjectType = new GraphQLObjectType({
  name: 'Project',
  fields: {
    slug: { type: GraphQLString },
    goals: {
      type: new GraphQLList(new GraphQLNonNull(GraphQLString)),
      extensions: { complexity: PER_PARENT_QUERIES },
    },
  },
});
const weighted = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      project: { type: Project },
      projects: { type: new GraphQLList(new GraphQLNonNull(Project)) },
    },
  }),
});

function costOf(query: string, on: GraphQLSchema = schema) {
  const document = parse(query);
  const fragments = new Map(
    document.definitions.flatMap((d) =>
      d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [],
    ),
  );
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (operation === undefined) throw new Error('no operation');
  return queryCost(on, operation, fragments);
}

describe('query cost', () => {
  it('counts fields, list children ×10, and fragments as the fields they stand for', () => {
    expect(costOf('{ me { id name } }')).toEqual({ depth: 2, cost: 3 });
    expect(costOf('{ users { id friends { id } } }')).toEqual({
      depth: 3,
      cost: 1 + 10 * (2 + 10),
    });
    expect(
      costOf('{ me { ...A } } fragment A on User { id ...B } fragment B on User { name }'),
    ).toEqual({ depth: 2, cost: 3 });
  });

  it("counts a field's complexity: a per-parent query fits on one parent, not under a list", () => {
    expect(costOf('{ project { slug goals } }', weighted)).toEqual({
      depth: 2,
      cost: 1 + 1 + PER_PARENT_QUERIES,
    });
    const listed = costOf('{ projects { slug goals } }', weighted).cost;
    expect(listed).toBe(1 + 10 * (1 + PER_PARENT_QUERIES));
    expect(listed).toBeGreaterThan(5_000);
    const errors = validate(weighted, parse('{ projects { goals } }'), [
      ...specifiedRules,
      ...graphqlLimitRules({ graphqlMaxDepth: 12, graphqlMaxComplexity: 5_000 }),
    ]);
    expect(errors.map((e) => e.extensions['code'])).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('prices an exponential fragment document by walking each fragment once', () => {
    // 2^20 copies of { id name } under `me`: the full cost, found without expanding it.
    expect(costOf(exponentialDocument(20))).toEqual({ depth: 2, cost: 1 + 2 ** 21 });
    // 2,000 levels: the cost overflows to Infinity, which every limit refuses.
    expect(costOf(exponentialDocument(2_000)).cost).toBe(Infinity);
  });

  it('refuses the 20-level document with QUERY_TOO_COMPLEX (it blocked the event loop for 28 s)', () => {
    const document = parse(exponentialDocument(20));
    const errors = validate(schema, document, [
      ...specifiedRules,
      ...graphqlLimitRules({ graphqlMaxDepth: 12, graphqlMaxComplexity: 5_000 }),
    ]);
    expect(errors.map((e) => e.extensions['code'])).toEqual(['QUERY_TOO_COMPLEX']);
    expect(errors[0]?.message).toMatch(/estimated cost is 2097153; at most 5000/);
  });

  it('survives fragment cycles (refused by graphql-js, never walked forever)', () => {
    const document = parse(
      '{ me { ...A } } fragment A on User { id ...B } fragment B on User { ...A }',
    );
    const errors = validate(schema, document, [
      ...specifiedRules,
      ...graphqlLimitRules({ graphqlMaxDepth: 12, graphqlMaxComplexity: 5_000 }),
    ]);
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/Cannot spread fragment "A" within itself via "B"/),
    ]);
  });

  it('adds no introspection in production to the rules a socket validates with', () => {
    const introspection = parse('{ __schema { types { name } } }');
    const limits = { graphqlMaxDepth: 12, graphqlMaxComplexity: 5_000 };
    expect(
      validate(schema, introspection, allValidationRules({ ...limits, nodeEnv: 'test' })),
    ).toEqual([]);
    const refused = validate(
      schema,
      introspection,
      allValidationRules({ ...limits, nodeEnv: 'production' }),
    );
    expect(refused[0]?.message).toMatch(/introspection/i);
  });
});
