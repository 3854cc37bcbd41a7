import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env';

/**
 * Typed GraphQL documents: results and variables are inferred from server/schema.graphql
 * (through graphql-env.d.ts, `npm run web:types`). Money crosses the API as a string of fen.
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  /** Fragments here are shared field lists, not component boundaries: results come unmasked. */
  disableMasking: true;
  scalars: { DateTime: string; Money: string; JSON: Record<string, unknown>; File: never; ID: string };
}>();

export type { FragmentOf, ResultOf, VariablesOf, TadaDocumentNode } from 'gql.tada';
export { readFragment } from 'gql.tada';
