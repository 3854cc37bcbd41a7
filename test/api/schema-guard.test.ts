import type { GraphQLArgument, GraphQLField, GraphQLInputType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SELF_SERVICE } from '../../server/src/auth/roles';
import type { App } from '../../server/src/http/app';
import { graphqlJs } from '../../server/src/schema/graphql-js';
import { schema } from '../../server/src/schema/index';

const { getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType } = graphqlJs;
import type { GraphStore } from '../../server/src/store/graph-store';
import { client, fixtureApp, type Gql } from './harness';

/** A value of an input type, enough to pass validation: required fields only, lists empty. */
function sample(type: GraphQLInputType, depth = 0): unknown {
  if (depth > 5) return null;
  if (isNonNullType(type)) return sample(type.ofType, depth);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, sample(f.type, depth + 1)]));
  }
  if (isScalarType(type)) return ({ Int: 1, Float: 1, Boolean: false, Money: '1', DateTime: '2026-01-01T00:00:00Z', JSON: {} } as Record<string, unknown>)[type.name] ?? 'x';
  return null;
}

/** One operation calling `field` with sample values for its required arguments, selecting only __typename. */
function operation(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): { query: string; variables: Record<string, unknown> } {
  const required = field.args.filter((a: GraphQLArgument) => isNonNullType(a.type));
  const decl = required.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = required.map((a) => `${a.name}: $${a.name}`).join(', ');
  const named = getNamedType(field.type);
  const selection = isScalarType(named) || isEnumType(named) ? '' : ' { __typename }';
  return {
    query: `${kind}${decl ? `(${decl})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`,
    variables: Object.fromEntries(required.map((a) => [a.name, sample(a.type)])),
  };
}

const queries = Object.values(schema.getQueryType()!.getFields());
const mutations = Object.values(schema.getMutationType()!.getFields());

/**
 * Every field of the schema, enumerated from it: a field added by anyone is covered here
 * without touching this file.
 */
describe('the session rule and the audit wrapper, over every field of the schema', () => {
  let app: App;
  let store: GraphStore;
  let analyst: Gql;
  beforeAll(async () => {
    ({ app, store } = await fixtureApp());
    analyst = client(app, { 'x-role': 'RESTRICTED', 'x-user': 'analyst-1' });
  });
  afterAll(() => store.close());

  it('enumerates the schema', () => {
    expect(queries.map((f) => f.name)).toEqual(expect.arrayContaining(['me', 'search', 'auditTrail']));
    expect(mutations.map((f) => f.name)).toEqual(expect.arrayContaining(['reveal', 'changePassword', 'upsertNode']));
  });

  it.each([...queries.map((f) => ['query', f.name] as const), ...mutations.map((f) => ['mutation', f.name] as const)])('%s %s answers nothing without a session', async (kind, name) => {
    const field = (kind === 'query' ? queries : mutations).find((f) => f.name === name)!;
    const { query, variables } = operation(kind, field);
    const response = await app.fetch(new Request('http://test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) }));
    expect([response.status, await response.text()]).toEqual([401, '{"errors":[{"message":"Log in first.","extensions":{"code":"UNAUTHENTICATED"}}]}']);
  });

  // A required File argument cannot travel in a JSON request (validation refuses it before any
  // resolver runs); those mutations are covered by the session test above and by the wrapper alike.
  const takesFile = (f: GraphQLField<unknown, unknown>) => f.args.some((a) => isNonNullType(a.type) && getNamedType(a.type).name === 'File');
  it.each(mutations.filter((f) => !SELF_SERVICE.has(f.name) && !takesFile(f)).map((f) => f.name))('mutation %s is refused to a read-only analyst, and the refusal audited', async (name) => {
    const { query, variables } = operation('mutation', mutations.find((f) => f.name === name)!);
    const { body } = await analyst(query, variables);
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const [last] = await store.accounts.searchAudit({ action: name, limit: 1 });
    expect(last).toMatchObject({ userId: 'analyst-1', action: name, outcome: 'FORBIDDEN' });
  });
});
