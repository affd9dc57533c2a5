import {
  type FieldNode,
  type GraphQLResolveInfo,
  Kind,
  type OperationDefinitionNode,
  parse,
} from 'graphql';
import { mayAskFor, mayAskForPath, selectsOnly } from './selection';

/** The resolve info of the operation's first root field (only fieldNodes is read). */
function infoOf(query: string): GraphQLResolveInfo {
  const operation = parse(query).definitions[0] as OperationDefinitionNode;
  const field = operation.selectionSet.selections[0] as FieldNode;
  expect(field.kind).toBe(Kind.FIELD);
  return { fieldNodes: [field] } as unknown as GraphQLResolveInfo;
}

describe('selection', () => {
  const scalars = new Set(['hasVoted', '__typename']);

  it('selectsOnly: plain fields of the set only', () => {
    expect(selectsOnly(infoOf('{ vote { hasVoted __typename } }'), scalars)).toBe(true);
    expect(selectsOnly(infoOf('{ vote { hasVoted candidates { id } } }'), scalars)).toBe(false);
    expect(selectsOnly(infoOf('{ vote { ...F } } fragment F on V { hasVoted }'), scalars)).toBe(
      false,
    );
  });

  it('mayAskFor: the field itself, or any fragment', () => {
    expect(mayAskFor(infoOf('{ strings { totalCount edges { cursor } } }'), 'totalCount')).toBe(
      true,
    );
    expect(mayAskFor(infoOf('{ strings { edges { cursor } } }'), 'totalCount')).toBe(false);
    expect(mayAskFor(infoOf('{ strings { ... on C { edges { cursor } } } }'), 'totalCount')).toBe(
      true,
    );
  });

  it('mayAskForPath: through plain fields, or any fragment on the way', () => {
    const shots = ['edges', 'node', 'screenshots'];
    expect(
      mayAskForPath(infoOf('{ strings { edges { node { id screenshots { id } } } } }'), shots),
    ).toBe(true);
    expect(mayAskForPath(infoOf('{ strings { edges { node { id } } } }'), shots)).toBe(false);
    expect(mayAskForPath(infoOf('{ strings { totalCount } }'), shots)).toBe(false);
    // An alias does not hide the field; a field of that name elsewhere does not count.
    expect(
      mayAskForPath(
        infoOf('{ strings { e: edges { n: node { s: screenshots { id } } } } }'),
        shots,
      ),
    ).toBe(true);
    expect(
      mayAskForPath(infoOf('{ strings { edges { screenshots { id } node { id } } } }'), shots),
    ).toBe(false);
    for (const query of [
      '{ strings { ...F } } fragment F on C { edges { node { id } } }',
      '{ strings { edges { node { ... on S { id } } } } }',
    ])
      expect(mayAskForPath(infoOf(query), shots)).toBe(true);
    expect(mayAskForPath(infoOf('{ strings { edges { cursor } } }'), [])).toBe(false);
  });
});
