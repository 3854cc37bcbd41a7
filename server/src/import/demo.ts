import { demoBundle } from '../../../seed/src/generate';
import type { GraphStore } from '../store/graph-store';
import { importBundle, type ImportSummary } from './importer';

async function* lines(): AsyncGenerator<string> {
  for (const record of demoBundle()) yield JSON.stringify(record);
}

/** Imports the demo scenario the seed generator tells (seed/README.md lists what to search for). */
export function loadDemo(store: GraphStore): Promise<ImportSummary> {
  return importBundle(store, lines(), { by: 'demo' });
}
