import { writeFileSync } from 'node:fs';
import { printedSchema } from '../server/src/schema/index';

/** Writes server/schema.graphql from the Pothos schema (`npm run schema:print`). */
writeFileSync(new URL('../server/schema.graphql', import.meta.url), printedSchema());
