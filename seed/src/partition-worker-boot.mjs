// Worker threads do not inherit tsx's module loader: register it, then load the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./partition-worker.ts');
