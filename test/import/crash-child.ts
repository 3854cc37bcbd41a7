/** Imports a bundle a batch at a time, saying so after each commit, until it is killed. */
import { openKuzuStore } from '../../server/src/store/kuzu/kuzu-store';
import { importBundle } from '../../server/src/import/importer';
import { readLines } from '../../server/src/import/read-lines';

const [dir, file] = process.argv.slice(2);
const store = await openKuzuStore(dir!);
await importBundle(store, readLines(file!), {
  by: 'crash-test',
  batchSize: 1000,
  onBatch: (s) => process.stdout.write(`committed ${s.records}\n`),
});
process.stdout.write('finished\n');
await store.close();
