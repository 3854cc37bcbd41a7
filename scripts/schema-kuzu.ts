/** Writes cypher/schema.kuzu.cypher from the model: `npm run schema:kuzu`. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CYPHER_DIR } from '../server/src/store/cypher';
import { kuzuDdl } from '../server/src/store/kuzu/ddl';

writeFileSync(
  join(CYPHER_DIR, 'schema.kuzu.cypher'),
  '// Generated from server/src/domain/model.ts by kuzuDdl() (npm run schema:kuzu); a test fails when they differ.\n' +
    kuzuDdl().map((s) => `${s};`).join('\n') +
    '\n',
);
