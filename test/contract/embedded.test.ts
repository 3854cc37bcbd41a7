import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openKuzuStore } from '../../server/src/store/kuzu/kuzu-store';
import { describeGraphStoreContract } from './graph-store.contract';

const dir = () => mkdtempSync(join(tmpdir(), 'contract-kuzu-'));

// Traversals are answered from the in-memory graph once it is loaded, and by Kuzu before: both must keep the contract.
describeGraphStoreContract('embedded (Kuzu, graph in memory)', () => openKuzuStore(dir()));
describeGraphStoreContract('embedded (Kuzu only)', () => openKuzuStore(dir(), { cache: false }));
