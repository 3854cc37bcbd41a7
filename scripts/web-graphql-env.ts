import { writeFileSync } from 'node:fs';
import { GRAPHQL_ENV_FILE, renderGraphqlEnv } from './graphql-env';

/** Writes web/src/api/graphql-env.d.ts from server/schema.graphql (`npm run web:types`). */
writeFileSync(GRAPHQL_ENV_FILE, renderGraphqlEnv());
