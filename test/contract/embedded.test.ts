import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openKuzuStore } from '../../server/src/store/kuzu/kuzu-store';
import { describeGraphStoreContract } from './graph-store.contract';

describeGraphStoreContract('embedded (Kuzu)', () => openKuzuStore(mkdtempSync(join(tmpdir(), 'contract-kuzu-'))));
