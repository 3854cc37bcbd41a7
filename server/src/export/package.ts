import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import type { ApiViewer } from '../api/viewer';
import type { GraphStore } from '../store/graph-store';
import { toAnx } from './anx';
import { toBundle } from './bundle';
import { LABEL_STYLE, chartOf } from './chart';
import { collectEvidence, type CanvasContent, type Reveal } from './collect';
import { linksCsv, nodesCsv } from './csv';
import { toCytoscapeJson } from './cy-json';
import { unsupportedLinks, type EvidenceGraph } from './evidence';
import { toGraphml } from './graphml';
import type { ExportKey } from './keys';
import { describeFile, manifestBytes, MANIFEST_FILE, MANIFEST_FORMAT, signManifest, type Manifest } from './manifest';
import { toPdf, type PageSize } from './pdf';
import { toPng } from './png';
import { toSvg } from './svg';

/** The files of a package, in the order the manifest lists them. */
export const PACKAGE_FILES = ['map.pdf', 'map.svg', 'map.png', 'graph.graphml', 'graph.cy.json', 'bundle.ndjson', 'links.csv', 'nodes.csv', 'chart.anx'] as const;

/** An export the audit trail records: who exported what, as of when, and the signed manifest's hash. */
export interface ExportEvent {
  userId: string;
  agencies: string[];
  role: string;
  investigationId: string | null;
  asOf: string;
  exportedAt: string;
  manifestSha256: string;
  files: number;
}

/** Sensitive values one export showed unmasked, because the exporter's role may see them. */
export interface RevealEvent {
  userId: string;
  investigationId: string | null;
  exportedAt: string;
  reveals: Reveal[];
}

/**
 * Where exports and reveals are recorded. The audit trail (the access issue) wires these; until
 * then nothing is recorded. A failing hook fails the export: an unrecorded reveal must not happen.
 */
export interface ExportAudit {
  onExport?(event: ExportEvent): void | Promise<void>;
  /** Called once per export that revealed anything, with every value revealed, before the package is handed out. */
  onReveal?(event: RevealEvent): void | Promise<void>;
}

export interface ExportRequest {
  canvas: CanvasContent;
  investigation: { id: string | null; name: string };
  /** Default: now. */
  asOf?: string;
  /** Refuse to export when a link shown has no source. */
  strict?: boolean;
  pageSize?: PageSize;
  /** Default: now. Tests fix it. */
  exportedAt?: string;
}

export interface EvidencePackage {
  /** The folder's name (and the zip's, with .zip). */
  name: string;
  files: { name: string; bytes: Uint8Array }[];
  manifest: Manifest;
  zip: Uint8Array;
  /** Milliseconds each step took, for the benchmark. */
  timings: Record<string, number>;
}

/** A strict export refused: these links have no source the exporter may see. */
export class UnsupportedLinksError extends Error {
  constructor(readonly linkIds: string[]) {
    super(`${linkIds.length} link(s) have no source: ${linkIds.slice(0, 5).join(', ')}${linkIds.length > 5 ? ', …' : ''}`);
    this.name = 'UnsupportedLinksError';
  }
}

const folderName = (graph: EvidenceGraph) =>
  `evidence-${(graph.investigation.id ?? 'canvas').replace(/^inv:/, '').replace(/[^\w.-]+/g, '-').slice(0, 60)}-${graph.asOf.replace(/[-:]/g, '').slice(0, 15)}`;

const colors = Object.fromEntries(Object.entries(LABEL_STYLE).map(([label, s]) => [label, s.fill]));

/**
 * Builds the evidence package of a canvas: every file from one evidence graph, the chart's SVG
 * rendered once (the PNG rasterises it, the PDF draws the same geometry in vectors), a signed
 * manifest, and a zip of the folder. Records the export and its reveals through `audit`.
 */
export async function buildEvidencePackage(
  store: GraphStore,
  viewer: ApiViewer,
  request: ExportRequest,
  deps: { key: ExportKey; audit?: ExportAudit },
): Promise<EvidencePackage> {
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (step: string) => {
    const now = performance.now();
    timings[step] = Math.round(now - t);
    t = now;
  };
  const exportedAt = new Date(request.exportedAt ?? Date.now()).toISOString();
  const asOf = new Date(request.asOf ?? exportedAt).toISOString();
  const { graph, reveals } = await collectEvidence(store, viewer, request.canvas, { asOf, investigation: request.investigation });
  lap('collect');
  const unsupported = unsupportedLinks(graph);
  if (request.strict && unsupported.length > 0) throw new UnsupportedLinksError(unsupported.map((l) => l.id));

  const agency = viewer.agencies[0] ?? 'unknown';
  const exporter = `${viewer.userId} (${viewer.agencies.join(', ')}; ${viewer.role})`;
  const chart = chartOf(graph);
  const svg = toSvg(chart, graph);
  lap('svg');
  // resvg rasterises map.png on a thread of its own while the PDF and the text formats are written here.
  const rendering = toPng(chart, graph);
  const pdf = await toPdf(graph, chart, { pageSize: request.pageSize ?? 'A3', exportedBy: exporter });
  lap('pdf');
  const text = (s: string) => Buffer.from(s, 'utf8');
  const written = {
    'map.svg': text(svg),
    'graph.graphml': text(toGraphml(graph)),
    'graph.cy.json': text(toCytoscapeJson(graph)),
    'bundle.ndjson': text(toBundle(graph, agency)),
    'links.csv': text(linksCsv(graph)),
    'nodes.csv': text(nodesCsv(graph)),
    'chart.anx': text(toAnx(graph, colors)),
  };
  lap('text formats');
  const { png } = await rendering;
  lap('png (rest of it)');
  const contents: Record<(typeof PACKAGE_FILES)[number], Uint8Array> = { 'map.pdf': pdf, 'map.png': png, ...written };
  const files: { name: string; bytes: Uint8Array }[] = PACKAGE_FILES.map((name) => ({ name, bytes: contents[name] }));
  const manifest = signManifest(
    {
      format: MANIFEST_FORMAT,
      version: 1,
      investigation: graph.investigation,
      asOf: graph.asOf,
      exportedAt,
      exportedBy: { userId: viewer.userId, agencies: [...viewer.agencies], role: viewer.role },
      strict: request.strict === true,
      counts: { nodes: graph.nodes.length, links: graph.links.length, sources: graph.sources.size, unsupportedLinks: unsupported.length, revealedValues: reveals.length },
      files: files.map((f) => describeFile(f.name, f.bytes)),
    },
    deps.key,
  );
  const manifestFile = manifestBytes(manifest);
  files.push({ name: MANIFEST_FILE, bytes: manifestFile });
  const name = folderName(graph);
  const mtime = new Date(graph.asOf);
  const zippable: Zippable = {};
  for (const f of files) zippable[`${name}/${f.name}`] = [f.bytes, { mtime, level: f.name.endsWith('.png') || f.name.endsWith('.pdf') ? 0 : 1 }];
  const zip = zipSync(zippable);
  lap('manifest and zip');

  if (reveals.length > 0) await deps.audit?.onReveal?.({ userId: viewer.userId, investigationId: graph.investigation.id, exportedAt, reveals });
  await deps.audit?.onExport?.({
    userId: viewer.userId,
    agencies: [...viewer.agencies],
    role: viewer.role,
    investigationId: graph.investigation.id,
    asOf: graph.asOf,
    exportedAt,
    manifestSha256: describeFile(MANIFEST_FILE, manifestFile).sha256,
    files: files.length,
  });
  return { name, files, manifest, zip, timings };
}

/** Writes the package as `dir/` (its files) and `dir.zip` beside it; an existing folder is replaced. */
export function writeEvidencePackage(pkg: EvidencePackage, dir: string): { dir: string; zip: string } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of pkg.files) writeFileSync(join(dir, f.name), f.bytes);
  const zip = `${dir.replace(/[\\/]+$/, '')}.zip`;
  mkdirSync(dirname(zip), { recursive: true });
  writeFileSync(zip, pkg.zip);
  return { dir, zip };
}
