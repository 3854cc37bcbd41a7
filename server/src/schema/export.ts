import type { ManifestFile } from '../export/manifest';
import { builder } from './builder';

/** Evidence packages for prosecutors, and the key that signs them. */

const EvidenceFile = builder.objectRef<ManifestFile>('EvidenceFile').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    bytes: t.exposeInt('bytes'),
    sha256: t.exposeString('sha256'),
  }),
});

const EvidencePackage = builder
  .objectRef<{ fileName: string; zipBase64: string; manifest: unknown; files: ManifestFile[]; unsupportedLinks: number }>('EvidencePackage')
  .implement({
    description: 'A signed evidence package: map.pdf, map.svg, map.png, graph.graphml, graph.cy.json, bundle.ndjson, links.csv, nodes.csv, chart.anx and manifest.json, zipped in one folder.',
    fields: (t) => ({
      fileName: t.exposeString('fileName', { description: 'The zip’s file name: the folder’s name and .zip.' }),
      zipBase64: t.exposeString('zipBase64', { description: 'The zip, base64.' }),
      manifest: t.field({ type: 'JSON', description: 'manifest.json: who exported, when, as of when, every file’s SHA-256, the Ed25519 signature.', resolve: (p) => p.manifest }),
      files: t.field({ type: [EvidenceFile], description: 'The files the manifest lists (manifest.json itself aside).', resolve: (p) => p.files }),
      unsupportedLinks: t.exposeInt('unsupportedLinks', { description: 'Links shown that no visible source supports; listed on their own page of map.pdf.' }),
    }),
  });

const ExportKey = builder.objectRef<{ algorithm: string; publicKey: string; pem: string; fingerprint: string }>('ExportKey').implement({
  description: 'The public key evidence manifests are signed with; check a package against it with `npm run verify-export`.',
  fields: (t) => ({
    algorithm: t.exposeString('algorithm'),
    publicKey: t.exposeString('publicKey', { description: 'SubjectPublicKeyInfo DER, base64: what manifests carry.' }),
    pem: t.exposeString('pem'),
    fingerprint: t.exposeString('fingerprint', { description: 'SHA-256 of the DER key, hex.' }),
  }),
});

const PageSize = builder.enumType('PageSize', { values: ['A4', 'A3'] as const });

builder.queryFields((t) => ({
  exportKey: t.field({ type: ExportKey, description: 'The server’s evidence-signing public key.', resolve: (_, __, ctx) => ctx.services.exports.key() }),
}));

builder.mutationFields((t) => ({
  exportEvidence: t.field({
    type: EvidencePackage,
    description:
      'Exports the evidence package of a saved investigation (`investigationId`) or of the canvas as sent (`document`), as the viewer may see it: sensitive values masked unless their role may see them (and then audited). `asOf` (default now) leaves out what was recorded later; the same investigation as of the same time gives the same files. `strict` refuses (BAD_INPUT, extensions.links) when a link has no source.',
    args: {
      investigationId: t.arg.id(),
      document: t.arg({ type: 'JSON' }),
      name: t.arg.string({ description: 'The title of a canvas that was never saved.' }),
      asOf: t.arg({ type: 'DateTime' }),
      strict: t.arg.boolean(),
      pageSize: t.arg({ type: PageSize, description: 'Landscape A3 (default) or A4.' }),
    },
    resolve: (_, a, ctx) => ctx.services.exports.evidence(ctx.viewer, { ...a, investigationId: a.investigationId ? String(a.investigationId) : null }),
  }),
}));
