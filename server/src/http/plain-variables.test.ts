import { describe, expect, it } from 'vitest';
import type { OperationDefinitionNode } from 'graphql';
import { graphqlJs } from '../schema/graphql-js';
import { plainVariables } from './plain-variables';

const schema = graphqlJs.buildSchema(`
  enum Label { Case Person }
  scalar Money
  input Window { from: String }
  type Query { f(id: ID, n: Int, s: String, x: Float, b: Boolean): Int }
`);
const definitions = (query: string) => (graphqlJs.parse(query).definitions[0] as OperationDefinitionNode).variableDefinitions ?? [];
const graphqlTakes = (query: string, variables: Record<string, unknown>) =>
  graphqlJs.getVariableValues(schema, definitions(query), variables, { maxErrors: 50 }).errors === undefined;

const VALUES: unknown[] = [undefined, null, '', 'x', '1', 0, 1, -1, 1.5, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 1e300, true, false, {}, [], ['x'], [1]];
const TYPES = ['ID', 'ID!', 'Int', 'Int!', 'String', 'String!', 'Float', 'Float!', 'Boolean', 'Boolean!', 'Int = 3', 'ID! = "a"'];

describe('plain variables', () => {
  it.each(TYPES)('takes a %s variable exactly when graphql-js takes it, or leaves it to graphql-js', (type) => {
    const query = `query($v: ${type}) { f }`;
    const check = plainVariables(schema, definitions(query))!;
    const verdicts = VALUES.map((value) => {
      const variables = value === undefined ? {} : { v: value };
      return [check.accepts(variables), graphqlTakes(query, variables)];
    });
    // Never takes what graphql-js refuses, and takes everything graphql-js takes as it stands (no list or object is a scalar).
    expect(verdicts.filter(([quick, graphql]) => quick && !graphql)).toEqual([]);
    expect(verdicts.map(([quick]) => quick)).toEqual(verdicts.map(([, graphql]) => graphql));
  });

  it('reads only the variables object’s own keys', () => {
    const check = plainVariables(schema, definitions('query($toString: String!) { f }'))!;
    expect(check.accepts({})).toBe(false);
    expect(check.accepts(null)).toBe(false);
    expect(check.accepts({ toString: 'x', other: [1, 2] })).toBe(true);
  });

  it('leaves lists, enums, input objects and custom scalars to graphql-js', () => {
    for (const type of ['[ID!]', 'Label', 'Window', 'Money', '[Int]!']) expect(plainVariables(schema, definitions(`query($v: ${type}) { f }`))).toBeNull();
    expect(plainVariables(schema, definitions('query { f }'))!.accepts(undefined)).toBe(true);
  });
});
