import { readFileSync } from 'node:fs';
import { minifyIntrospection, outputIntrospectionFile } from '@gql.tada/internal';
import { buildSchema, introspectionFromSchema } from 'graphql';

export const SCHEMA_FILE = new URL('../server/schema.graphql', import.meta.url);
export const GRAPHQL_ENV_FILE = new URL('../web/src/api/graphql-env.d.ts', import.meta.url);

/**
 * The web app's typed view of the API: gql.tada infers every operation's result and variables
 * from this introspection, so no response type is written by hand. gql.tada's own CLI needs the
 * TypeScript 5 JS API, which TypeScript 7 does not ship, hence this small generator.
 */
export function renderGraphqlEnv(sdl = readFileSync(SCHEMA_FILE, 'utf8')): string {
  const introspection = minifyIntrospection(introspectionFromSchema(buildSchema(sdl)));
  return outputIntrospectionFile(introspection, { fileType: '.d.ts', shouldPreprocess: true });
}
