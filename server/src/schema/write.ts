import type { ImportSummary as Summary } from '../import/importer';
import { API_LIMITS as L } from '../api/limits';
import { apiError } from '../api/errors';
import { builder } from './builder';
import { Link, LinkTypeEnum, Node, NodeLabel } from './node';

/** Writes: every one is recorded as the viewer (`createdBy`, `owners`) at the store's clock. */

const ImportSummary = builder.objectRef<Summary>('ImportSummary').implement({
  fields: (t) => ({
    lines: t.exposeInt('lines'),
    records: t.exposeInt('records'),
    nodesCreated: t.exposeInt('nodesCreated'),
    nodesUpdated: t.exposeInt('nodesUpdated'),
    linksCreated: t.exposeInt('linksCreated'),
    linksUpdated: t.exposeInt('linksUpdated'),
    sourcesCreated: t.exposeInt('sourcesCreated'),
  }),
});

const AGENCY = "The agency the write is recorded under; one of the viewer's (default: the first).";

builder.mutationFields((t) => ({
  importBundle: t.field({
    type: ImportSummary,
    description: `Imports case-bundle v1 NDJSON, as text (\`ndjson\`) or an uploaded file (\`file\`), at most ${L.bundleBytes.max / 1024 / 1024} MiB. A bad line fails with BAD_INPUT naming it (extensions.line) and nothing is written; every record must belong to one of the viewer's agencies (FORBIDDEN).`,
    args: { ndjson: t.arg.string(), file: t.arg({ type: 'File' }), agency: t.arg.string({ description: AGENCY }) },
    resolve: async (_, a, ctx) =>
      ctx.services.importBundle(ctx.viewer, { ...a, ndjson: await bundleText(a.ndjson, a.file) }),
  }),
  upsertNode: t.field({
    type: Node,
    description: 'Creates a node or updates the given properties of one (checked against the model, BAD_INPUT otherwise).',
    args: { id: t.arg.id({ required: true }), label: t.arg({ type: NodeLabel, required: true }), props: t.arg({ type: 'JSON' }), agency: t.arg.string({ description: AGENCY }) },
    resolve: (_, a, ctx) => ctx.services.upsertNode(ctx.viewer, { ...a, id: String(a.id) }),
  }),
  addLink: t.field({
    type: Link,
    description: 'Adds a link between two visible nodes, citing at least one visible source record (BAD_INPUT without).',
    args: {
      type: t.arg({ type: LinkTypeEnum, required: true }),
      from: t.arg.id({ required: true }),
      to: t.arg.id({ required: true }),
      key: t.arg.string(),
      props: t.arg({ type: 'JSON' }),
      sources: t.arg.idList({ required: true }),
      agency: t.arg.string({ description: AGENCY }),
    },
    resolve: (_, a, ctx) => ctx.services.addLink(ctx.viewer, { ...a, from: String(a.from), to: String(a.to), sources: a.sources.map(String) }),
  }),
}));

async function bundleText(ndjson?: string | null, file?: File | null): Promise<string> {
  if ((ndjson == null) === (file == null)) throw apiError('BAD_INPUT', 'Send the bundle as exactly one of ndjson or file.');
  if (file && file.size > L.bundleBytes.max) throw apiError('LIMIT', 'The bundle is too large.');
  return ndjson ?? (await file!.text());
}
