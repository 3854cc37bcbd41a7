import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import type { GraphStore } from '../store/graph-store';
import { openKuzuStore } from '../store/kuzu/kuzu-store';
import { createApp, type App } from './app';

describe('the HTTP app', () => {
  let store: GraphStore;
  let app: App;
  beforeAll(async () => {
    store = await openKuzuStore(mkdtempSync(join(tmpdir(), 'app-')));
    await store.upsert({ nodes: [{ id: 'phone:+8613812345678', label: 'Phone', owner: 'sh-psb', props: {} }], links: [], sources: [] }, 'test');
    app = createApp({ store, config: loadConfig({}) });
  });
  afterAll(() => store.close());

  it('reports the store kind at /healthz, and no count of anyone’s records (it answers without a session)', async () => {
    const response = await app.fetch(new Request('http://test/healthz'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', store: 'embedded' });
  });

  it('answers 404 elsewhere', async () => {
    expect((await app.fetch(new Request('http://test/nope'))).status).toBe(404);
  });
});
