import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../server/src/config';
import { createApp, type App } from '../../server/src/http/app';
import { importBundle } from '../../server/src/import/importer';
import type { GraphStore } from '../../server/src/store/graph-store';
import { openKuzuStore } from '../../server/src/store/kuzu/kuzu-store';
import type { Role } from '../../server/src/store/accounts';
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

/**
 * A session the app signs for a test viewer, given as the headers the tests speak in:
 * `x-agencies` (comma-separated, default both), `x-user` (default officer-7) and `x-role`
 * (default INVESTIGATOR; RESTRICTED stands for ANALYST, who sees nothing sensitive). A test
 * viewer may see several agencies, which a login never gives; the session rule is the same.
 */
export function sessionFor(app: App, h: Record<string, string>): string {
  const agencies = (h['x-agencies'] ?? BOTH).split(',').map((a) => a.trim()).filter((a) => a.length > 0);
  const name = h['x-user'] || 'anonymous';
  const role = h['x-role'] === 'RESTRICTED' ? 'ANALYST' : ((h['x-role'] ?? 'INVESTIGATOR') as Role);
  return app.sessions.issue({ sub: name, name, agency: agencies[0] ?? '', agencies, role });
}

/** Posts one GraphQL request in-process as the given agencies (default both), role and user, with a session. */
export const client = (app: App, defaults: Record<string, string> = {}): Gql => async (query, variables, headers) => {
  const all: Record<string, string> = { 'x-agencies': BOTH, 'x-user': 'officer-7', ...defaults, ...headers };
  const { 'x-agencies': _a = BOTH, 'x-user': _u = '', 'x-role': _r, ...rest } = all;
  const response = await app.fetch(
    new Request('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${sessionFor(app, { 'x-agencies': _a, 'x-user': _u, ...(_r ? { 'x-role': _r } : {}) })}`, ...rest },
      body: JSON.stringify({ query, variables }),
    }),
  );
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
};
