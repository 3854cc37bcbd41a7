import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../server/src/config';
import { createApp, type App } from '../../server/src/http/app';
import { importBundle } from '../../server/src/import/importer';
import type { GraphStore } from '../../server/src/store/graph-store';
import { openKuzuStore } from '../../server/src/store/kuzu/kuzu-store';
import { SH, FJ, fujianBundle, shanghaiBundle, toLines } from '../contract/fixture';

export const BOTH = `${SH},${FJ}`;

/** A fresh embedded store holding the two-agency contract fixture, and the app over it. */
export async function fixtureApp(env: NodeJS.ProcessEnv = {}): Promise<{ app: App; store: GraphStore }> {
  const store = await openKuzuStore(mkdtempSync(join(tmpdir(), 'api-')));
  await importBundle(store, (async function* () { yield toLines(shanghaiBundle); })(), { by: 'sh-officer' });
  await importBundle(store, (async function* () { yield toLines(fujianBundle); })(), { by: 'fj-officer' });
  return { app: createApp({ store, config: loadConfig(env) }), store };
}

export interface Gql {
  (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Posts one GraphQL request in-process as the given agencies (default both), role and user. */
export const client = (app: App, defaults: Record<string, string> = {}): Gql => async (query, variables, headers) => {
  const response = await app.fetch(
    new Request('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-agencies': BOTH, 'x-user': 'officer-7', ...defaults, ...headers },
      body: JSON.stringify({ query, variables }),
    }),
  );
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
};
