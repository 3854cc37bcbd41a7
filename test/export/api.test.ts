import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config';
import type { RevealEvent } from '../../server/src/export/package';
import { verifyPackage } from '../../server/src/export/verify';
import { createApp, type App } from '../../server/src/http/app';
import type { GraphStore } from '../../server/src/store/graph-store';
import { client, type Gql } from '../api/harness';
import { unzipSync } from 'fflate';
import { fixtureDocument, fixtureStore } from './fixture';

const EXPORT = `mutation ($id: ID, $document: JSON, $asOf: DateTime, $strict: Boolean) {
  exportEvidence(investigationId: $id, document: $document, asOf: $asOf, strict: $strict) { fileName zipBase64 manifest unsupportedLinks files { name bytes sha256 } }
}`;

let store: GraphStore;
let app: App;
let gql: Gql;
let investigationId: string;
const reveals: RevealEvent[] = [];

const unzip = (base64: string) =>
  new Map(Object.entries(unzipSync(Buffer.from(base64, 'base64'))).map(([name, bytes]) => [name.replace(/^[^/]+\//, ''), bytes]));

beforeAll(async () => {
  store = await fixtureStore();
  const dataDir = mkdtempSync(join(tmpdir(), 'export-api-'));
  app = createApp({ store, config: loadConfig({ DATA_DIR: dataDir }), audit: { onReveal: (e) => void reveals.push(e) } });
  gql = client(app, { 'x-role': 'PROSECUTOR' });
  const saved = await gql(`mutation ($input: InvestigationInput!) { saveInvestigation(input: $input) { id } }`, { input: { name: '7·30 专案', document: fixtureDocument(), elementCount: 34 } });
  investigationId = saved.body.data.saveInvestigation.id;
}, 120_000);

afterAll(async () => {
  await store.close();
});

describe('exportEvidence', () => {
  it('exports a saved investigation as a zip whose signed manifest verifies against the server’s key', async () => {
    const key = (await gql('{ exportKey { algorithm publicKey fingerprint pem } }')).body.data.exportKey;
    expect(key).toMatchObject({ algorithm: 'Ed25519', fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const { body } = await gql(EXPORT, { id: investigationId });
    const pkg = body.data.exportEvidence;
    expect(pkg.fileName).toMatch(/^evidence-.*\.zip$/);
    expect(pkg.unsupportedLinks).toBe(1);
    expect(pkg.manifest).toMatchObject({ investigation: { id: investigationId, name: '7·30 专案' }, exportedBy: { userId: 'officer-7', role: 'PROSECUTOR' } });
    expect(pkg.files.map((f: { name: string }) => f.name)).toEqual(['map.pdf', 'map.svg', 'map.png', 'graph.graphml', 'graph.cy.json', 'bundle.ndjson', 'links.csv', 'nodes.csv', 'chart.anx']);
    expect(verifyPackage(unzip(pkg.zipBase64), { expectedKey: key.publicKey })).toMatchObject({ ok: true, failures: [] });
    expect(reveals.at(-1)).toMatchObject({ userId: 'officer-7', investigationId });
  }, 120_000);

  it('exports the canvas as sent, and refuses a strict export naming the unsupported links', async () => {
    const canvas = (await gql(EXPORT, { document: fixtureDocument() })).body.data.exportEvidence;
    expect(canvas.manifest.investigation).toEqual({ id: null, name: 'Current canvas 当前画布' });
    const strict = await gql(EXPORT, { id: investigationId, strict: true });
    expect(strict.body.errors[0]).toMatchObject({ extensions: { code: 'BAD_INPUT', field: 'strict', links: [expect.stringMatching(/^KNOWS:/)] } });
  }, 120_000);

  it('answers NOT_FOUND for an investigation the viewer may not open, and FORBIDDEN to an anonymous viewer', async () => {
    const other = await gql(EXPORT, { id: investigationId }, { 'x-agencies': 'hn-psb', 'x-user': 'someone-else' });
    expect(other.body.errors[0].extensions).toEqual({ code: 'NOT_FOUND', field: 'investigationId' });
    const anonymous = await gql(EXPORT, { id: investigationId }, { 'x-agencies': '', 'x-user': '' });
    expect(anonymous.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const bad = await gql(EXPORT, { document: { graph: 1 } });
    expect(bad.body.errors[0].extensions).toEqual({ code: 'BAD_INPUT', field: 'document' });
  });

  it('verifies from the command line, naming a file that fails', async () => {
    const { body } = await gql(EXPORT, { id: investigationId, asOf: '2099-01-01T00:00:00Z' });
    const dir = mkdtempSync(join(tmpdir(), 'evidence-cli-'));
    const files = unzip(body.data.exportEvidence.zipBase64);
    for (const [name, bytes] of files) writeFileSync(join(dir, name), bytes);
    const run = () => spawnSync('npx', ['tsx', 'server/src/cli/verify-export.ts', dir], { encoding: 'utf8' });
    const good = run();
    expect(good.status).toBe(0);
    expect(good.stdout).toContain('verified: 9 files');
    const pdf = Buffer.from(files.get('map.pdf')!);
    pdf[pdf.length >> 1] = pdf[pdf.length >> 1]! ^ 0x80;
    writeFileSync(join(dir, 'map.pdf'), pdf);
    const bad = run();
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('FAILED  map.pdf: its SHA-256 does not match the manifest');
    expect(execFileSync('ls', [dir], { encoding: 'utf8' }).split('\n').filter(Boolean)).toHaveLength(10);
  }, 60_000);
});
