/// <reference lib="webworker" />
/** The force layout's worker: fcose in a headless Cytoscape, off the page's main thread. */
import { fcosePositions, type ForceInput } from './fcose-core';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (e: MessageEvent<{ id: number; input: ForceInput }>) => {
  try {
    scope.postMessage({ id: e.data.id, positions: fcosePositions(e.data.input) });
  } catch (err) {
    scope.postMessage({ id: e.data.id, error: err instanceof Error ? err.message : String(err) });
  }
};
