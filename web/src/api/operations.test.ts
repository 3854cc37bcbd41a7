import { readFileSync } from 'node:fs';
import { print } from '@0no-co/graphql.web';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { GRAPHQL_ENV_FILE, renderGraphqlEnv, SCHEMA_FILE } from '../../../scripts/graphql-env';
import * as operations from './operations';

describe('the app’s GraphQL operations', () => {
  const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));

  it('are all valid against server/schema.graphql', () => {
    const problems = Object.entries(operations).flatMap(([name, doc]) => validate(schema, parse(print(doc))).map((e) => `${name}: ${e.message}`));
    expect(problems).toEqual([]);
  });

  it('are typed from the current schema (npm run web:types regenerates graphql-env.d.ts)', () => {
    expect(readFileSync(GRAPHQL_ENV_FILE, 'utf8')).toBe(renderGraphqlEnv());
  });
});
