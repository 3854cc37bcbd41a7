import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvidencePackage, PACKAGE_FILES, UnsupportedLinksError, writeEvidencePackage, type EvidencePackage, type RevealEvent } from '../../server/src/export/package';
import { readPackage, verifyPackage } from '../../server/src/export/verify';
import { importBundle } from '../../server/src/import/importer';
import type { GraphStore } from '../../server/src/store/graph-store';
import { openKuzuStore } from '../../server/src/store/kuzu/kuzu-store';
import { ids } from '../contract/fixture';
import { fixtureCanvas, fixtureStore, investigator, key, prosecutor, restricted } from './fixture';

const AS_OF = '2099-01-01T00:00:00.000Z';
const investigation = { id: 'inv:test-1', name: '7·30 专案 evidence' };

let store: GraphStore;
let pkg: EvidencePackage;
let dir: string;
const reveals: RevealEvent[] = [];
const exports: string[] = [];

const file = (p: EvidencePackage, name: string) => Buffer.from(p.files.find((f) => f.name === name)!.bytes);
const python = (code: string, arg: string) => execFileSync('python3', ['-c', code, arg], { encoding: 'utf8' });

beforeAll(async () => {
  store = await fixtureStore();
  pkg = await buildEvidencePackage(store, prosecutor, { canvas: fixtureCanvas(), investigation, asOf: AS_OF, exportedAt: '2099-01-02T00:00:00.000Z' }, {
    key,
    audit: { onReveal: (e) => void reveals.push(e), onExport: (e) => void exports.push(e.manifestSha256) },
  });
  dir = join(mkdtempSync(join(tmpdir(), 'evidence-')), pkg.name);
  writeEvidencePackage(pkg, dir);
}, 120_000);

afterAll(async () => {
  await store.close();
});

describe('the evidence package', () => {
  it('holds every file, listed with its SHA-256 in a manifest the server signed', () => {
    expect(pkg.files.map((f) => f.name)).toEqual([...PACKAGE_FILES, 'manifest.json']);
    expect(pkg.manifest.files.map((f) => f.name)).toEqual([...PACKAGE_FILES]);
    expect(pkg.manifest).toMatchObject({
      investigation,
      asOf: AS_OF,
      exportedAt: '2099-01-02T00:00:00.000Z',
      exportedBy: { userId: 'officer-7', role: 'PROSECUTOR' },
      counts: { nodes: 15, links: 19, sources: 2, unsupportedLinks: 1 },
      signature: { algorithm: 'Ed25519', publicKey: key.publicKeyBase64, fingerprint: key.fingerprint },
    });
    expect(verifyPackage(readPackage(dir), { expectedKey: key.publicKeyBase64 })).toMatchObject({ ok: true, failures: [], fingerprint: key.fingerprint });
    expect(verifyPackage(readPackage(`${dir}.zip`)).ok).toBe(true);
  });

  it('fails verification naming the file when any single byte of any file is flipped', () => {
    const files = readPackage(dir);
    for (const [name, bytes] of files) {
      for (const at of [0, Math.floor(bytes.length / 2), bytes.length - 1]) {
        const flipped = new Map(files);
        const copy = Uint8Array.from(bytes);
        copy[at] = copy[at]! ^ 0x01;
        flipped.set(name, copy);
        const result = verifyPackage(flipped);
        expect(result.ok, `${name} byte ${at}`).toBe(false);
        expect(result.failures.map((f) => f.file), `${name} byte ${at}`).toEqual([name]);
      }
    }
  });

  it('names a file added to or missing from the folder, and a package signed by another key', () => {
    const extra = new Map(readPackage(dir)).set('notes.txt', new Uint8Array([1]));
    expect(verifyPackage(extra).failures).toEqual([{ file: 'notes.txt', problem: 'not listed in the manifest' }]);
    const missing = new Map(readPackage(dir));
    missing.delete('map.png');
    expect(verifyPackage(missing).failures).toEqual([{ file: 'map.png', problem: 'missing' }]);
    expect(verifyPackage(readPackage(dir), { expectedKey: 'MCowBQYDK2VwAyEA' + 'A'.repeat(43) + '=' }).failures.map((f) => f.file)).toEqual(['manifest.json']);
  });

  it('gives byte-identical files when exported again as of the same time', async () => {
    const again = await buildEvidencePackage(store, prosecutor, { canvas: fixtureCanvas(), investigation, asOf: AS_OF, exportedAt: '2099-03-04T05:06:07.000Z' }, { key });
    for (const name of PACKAGE_FILES) expect(file(again, name).equals(file(pkg, name)), name).toBe(true);
    const { exportedAt: a, signature: sa, ...restA } = again.manifest;
    const { exportedAt: b, signature: sb, ...restB } = pkg.manifest;
    expect(restA).toEqual(restB);
    expect([a, b]).toEqual(['2099-03-04T05:06:07.000Z', '2099-01-02T00:00:00.000Z']);
    expect(sa.value).not.toBe(sb.value);
  }, 120_000);

  it('writes GraphML that networkx reads with every node, link and typed attribute', () => {
    const out = python(
      `import sys, json, networkx as nx
g = nx.read_graphml(sys.argv[1])
print(json.dumps({"multi": g.is_multigraph(), "directed": g.is_directed(),
  "nodes": {n: d for n, d in g.nodes(data=True)}, "edges": sorted([[u, v, k, d] for u, v, k, d in g.edges(keys=True, data=True)], key=lambda e: e[2])}, ensure_ascii=False))`,
      join(dir, 'graph.graphml'),
    );
    const g = JSON.parse(out);
    expect(g).toMatchObject({ multi: true, directed: true });
    // Every node and link of the package, with every attribute typed as the model types it: what the Cytoscape JSON carries, in GraphML's terms.
    const cy = JSON.parse(file(pkg, 'graph.cy.json').toString('utf8'));
    const nodes = Object.fromEntries(
      cy.elements.nodes.map(({ data: { id, owners, aliases, masked, ...rest }, position }: { data: Record<string, unknown> & { id: string; owners: string[] }; position: { x: number; y: number } }) => [
        id,
        { ...rest, owners: owners.join(','), ...(aliases ? { aliases: JSON.stringify(aliases) } : {}), ...(masked ? { masked: (masked as string[]).join(',') } : {}), x: position.x, y: position.y },
      ]),
    );
    expect(g.nodes).toEqual(nodes);
    const edges = cy.elements.edges
      .map(({ data: { id, source, target, owners, sources, key, ...rest } }: { data: Record<string, unknown> & { id: string; source: string; target: string; key: string; owners: string[]; sources: { id: string; reference: string; sha256: string | null }[] } }) => [
        source,
        target,
        id,
        {
          ...rest,
          key,
          owners: owners.join(','),
          sources: sources.map((s) => s.id).join(','),
          ...(sources.length > 0 ? { sourceReferences: sources.map((s) => s.reference).join(' | '), sourceHashes: sources.map((s) => s.sha256 ?? '').join(',') } : {}),
        },
      ])
      .sort((a: string[], b: string[]) => (a[2]! < b[2]! ? -1 : 1));
    expect(g.edges).toEqual(edges);
    expect(Object.keys(g.nodes)).toHaveLength(15);
    expect(g.edges).toHaveLength(19);
    expect(g.nodes[ids.suspect]).toMatchObject({ name: '张三', idNumber: '310101199001011234', birthYear: 1990, aliases: '["三哥"]' });
    expect(g.nodes[ids.collect]).toMatchObject({ frozen: true, frozenAmount: 300000 });
    expect(g.edges.find((e: [string, string, string, Record<string, unknown>]) => e[3].txId === 'tx1')[3]).toMatchObject({ amount: 500000, at: '2026-01-31T02:00:00.000Z', sourceHashes: 'a'.repeat(64) });
  });

  it('writes a PDF whose text holds the Chinese names and every link’s source reference', () => {
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'map.pdf'), '-'], { encoding: 'utf8' });
    for (const name of ['张三', '李四', '吴某某', '林某某', '7·30 团伙', '工商银行']) expect(text, name).toContain(name);
    // Each link with a source names it in the links table: 16 cite the Shanghai statement, 2 the Fujian call records.
    expect(text.split('BANK_STATEMENT 工商银行 交易流水 6222021234567890123').length - 1).toBe(16);
    expect(text.split('CALL_RECORDS 移动话单 13812345678').length - 1).toBe(2);
    expect(text.split('[src:sh-stmt-1]').length - 1).toBe(16);
    expect(text).toContain('Unsupported links');
    expect(text).toContain('a'.repeat(64));
  });

  it('masks sensitive values for a role that may not see them, and records the reveals of one that may', async () => {
    expect(reveals).toHaveLength(1);
    expect(reveals[0]!.reveals).toEqual(
      expect.arrayContaining([{ nodeId: ids.suspect, prop: 'idNumber' }, { nodeId: ids.victim, prop: 'name' }, { nodeId: ids.collect, prop: 'number' }]),
    );
    expect(exports).toEqual([pkg.manifest && (await import('../../server/src/export/manifest')).sha256(file(pkg, 'manifest.json'))]);
    const masked = await buildEvidencePackage(store, restricted, { canvas: fixtureCanvas(), investigation, asOf: AS_OF }, { key });
    const nodes = file(masked, 'nodes.csv').toString('utf8');
    expect(nodes).not.toContain(',310101199001011234,');
    expect(nodes).toContain(',**************1234,');
    expect(nodes).not.toContain('吴某某');
    expect(nodes).toContain('张三');
    expect(masked.manifest.counts.revealedValues).toBe(0);
    const bundle = file(masked, 'bundle.ndjson').toString('utf8');
    expect(bundle).not.toContain('"idNumber"');
  }, 120_000);

  it('refuses a strict export while a link has no source, naming it', async () => {
    await expect(buildEvidencePackage(store, investigator, { canvas: fixtureCanvas(), investigation, asOf: AS_OF, strict: true }, { key })).rejects.toThrow(UnsupportedLinksError);
    await expect(buildEvidencePackage(store, investigator, { canvas: fixtureCanvas(), investigation, asOf: AS_OF, strict: true }, { key })).rejects.toThrow(`KNOWS:${ids.caller}:${ids.victim}:`);
  });

  it('leaves out what was recorded after the as-of time', async () => {
    const early = await buildEvidencePackage(store, investigator, { canvas: fixtureCanvas(), investigation, asOf: '2000-01-01T00:00:00Z' }, { key });
    expect(early.manifest.counts).toMatchObject({ nodes: 0, links: 0 });
  });

  it('writes a bundle that re-imports into an empty store with the same counts', async () => {
    const empty = await openKuzuStore(mkdtempSync(join(tmpdir(), 'reimport-')));
    try {
      const lines = file(pkg, 'bundle.ndjson').toString('utf8').trimEnd().split('\n');
      const summary = await importBundle(empty, (async function* () { yield lines; })(), { by: 'other-agency' });
      expect(summary).toMatchObject({ nodesCreated: 15, linksCreated: 19, sourcesCreated: 2 });
      expect(await empty.counts()).toEqual({ nodes: 15, links: 19, sources: 2 });
    } finally {
      await empty.close();
    }
  });

  it('writes chart.anx as well-formed XML in the structure of i2’s ANX schema', () => {
    const out = JSON.parse(python(ANX_CHECK, join(dir, 'chart.anx')));
    expect(out).toEqual({
      root: 'Chart',
      children: ['ApplicationVersion', 'StrengthCollection', 'AttributeClassCollection', 'EntityTypeCollection', 'LinkTypeCollection', 'Summary', 'ChartItemCollection', 'PaletteCollection'],
      entities: 15,
      links: 19,
      linkEndsResolve: true,
      attributeClassesResolve: true,
      entityTypesResolve: true,
      linkTypesResolve: true,
      sourceReferences: 18,
    });
  });

  it('writes Cytoscape.js JSON and CSV tables of every element', () => {
    const cy = JSON.parse(file(pkg, 'graph.cy.json').toString('utf8'));
    expect(cy.elements.nodes).toHaveLength(15);
    expect(cy.elements.edges).toHaveLength(19);
    expect(cy.elements.nodes.find((n: { data: { id: string } }) => n.data.id === ids.gang)).toEqual({
      data: expect.objectContaining({ id: ids.gang, label: 'Gang', name: '7·30 团伙', baseCountry: 'KH' }),
      position: { x: 560, y: 240 },
    });
    const links = file(pkg, 'links.csv').toString('utf8');
    expect(links.startsWith('\uFEFFid,type,from,to,key,time,amountYuan,')).toBe(true);
    expect(links.trimEnd().split('\r\n')).toHaveLength(20);
    expect(links).toContain(`TRANSFERRED:${ids.victimCard}:${ids.collect}:tx1,TRANSFERRED,${ids.victimCard},${ids.collect},tx1,2026-01-31T02:00:00.000Z,5000.00,sh-psb`);
    expect(file(pkg, 'nodes.csv').toString('utf8').trimEnd().split('\r\n')).toHaveLength(16);
  });
});

const ANX_CHECK = `import sys, json, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
items = root.find("ChartItemCollection").findall("ChartItem")
entities = [i for i in items if i.find("End/Entity") is not None]
links = [i for i in items if i.find("Link") is not None]
entity_ids = {e.find("End/Entity").get("EntityId") for e in entities}
classes = {c.get("Id") for c in root.iter("AttributeClass")}
etypes = {c.get("Id") for c in root.iter("EntityType")}
ltypes = {c.get("Id") for c in root.iter("LinkType")}
print(json.dumps({
  "root": root.tag,
  "children": [c.tag for c in root],
  "entities": len(entities),
  "links": len(links),
  "linkEndsResolve": all(l.find("Link").get("End1Id") in entity_ids and l.find("Link").get("End2Id") in entity_ids for l in links),
  "attributeClassesResolve": all(a.get("AttributeClassReference") in classes for a in root.iter("Attribute")),
  "entityTypesResolve": all(s.get("EntityTypeReference") in etypes for s in root.iter("IconStyle")),
  "linkTypesResolve": all(s.get("LinkTypeReference") in ltypes for s in root.iter("LinkStyle")),
  "sourceReferences": sum(1 for l in links if l.get("SourceReference")),
}))
`;
