import { API_LIMITS as L } from '../api/limits';
import { INVESTIGATION_LIMITS, type Investigation as Saved, type InvestigationSummary as Summary } from '../store/investigations';
import { builder } from './builder';

/** Saved investigations: the canvas an investigator keeps under a name, to reopen or hand over. */

const MIB = INVESTIGATION_LIMITS.documentBytes / 1024 / 1024;

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type Fields = PothosSchemaTypes.ObjectFieldBuilder<Types, Summary>;

/** What a list shows and an opened investigation repeats. */
const summaryFields = (t: Fields) => ({
  id: t.exposeID('id', { description: '`inv:` and a random UUID.' }),
  name: t.exposeString('name'),
  version: t.exposeInt('version', { description: '1 when created, one more on every save; send it back with the next save.' }),
  elementCount: t.exposeInt('elementCount', { description: 'How many canvas elements the document holds, as the saving client counted them.' }),
  agencies: t.exposeStringList('agencies', { description: 'The agencies it was created under: their members may open, save over and delete it.' }),
  createdAt: t.field({ type: 'DateTime', resolve: (i) => i.createdAt }),
  createdBy: t.exposeString('createdBy'),
  updatedAt: t.field({ type: 'DateTime', resolve: (i) => i.updatedAt }),
  updatedBy: t.exposeString('updatedBy'),
});

const InvestigationSummary = builder.objectRef<Summary>('InvestigationSummary').implement({
  description: 'A saved investigation without its document, as lists show it.',
  fields: summaryFields,
});

const Investigation = builder.objectRef<Saved>('Investigation').implement({
  description: 'A saved investigation: its canvas document and who saved it when.',
  fields: (t) => ({
    ...summaryFields(t),
    document: t.field({ type: 'JSON', description: 'The canvas document, as the web app saved it.', resolve: (i) => JSON.parse(i.document) as unknown }),
  }),
});

const InvestigationInput = builder.inputType('InvestigationInput', {
  fields: (t) => ({
    id: t.id({ description: 'Absent to create an investigation; its id to save over it.' }),
    name: t.string({ required: true, description: `1 to ${INVESTIGATION_LIMITS.nameLength} characters once trimmed.` }),
    document: t.field({
      type: 'JSON',
      required: true,
      description: `The canvas document, a JSON object of at most ${MIB} MiB as UTF-8 JSON (LIMIT otherwise). Send it as a variable: a literal counts against the query's token limit.`,
    }),
    version: t.int({ description: 'Required with `id`: the version this edit started from. If someone saved since, the save fails with CONFLICT and changes nothing.' }),
    elementCount: t.int({ description: 'How many canvas elements the document holds, for lists (default 0).' }),
  }),
});

builder.queryFields((t) => ({
  investigations: t.field({
    type: [InvestigationSummary],
    description: `The investigations the viewer may open (created by them or under one of their agencies), the most recently saved first; \`limit\` is clamped to 1..${L.investigations.max} (default ${L.investigations.fallback}).`,
    args: { limit: t.arg.int() },
    resolve: (_, a, ctx) => ctx.services.investigations.list(ctx.viewer, a),
  }),
  investigation: t.field({
    type: Investigation,
    nullable: true,
    description: 'One saved investigation with its document; null when unknown or not the viewer’s to open.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_, a, ctx) => ctx.services.investigations.get(ctx.viewer, String(a.id)),
  }),
}));

builder.mutationFields((t) => ({
  saveInvestigation: t.field({
    type: Investigation,
    description:
      'Creates an investigation (no `id`) under the viewer’s agencies, or saves over one at `version`. Fails with BAD_INPUT or LIMIT naming the field (extensions.field), NOT_FOUND for an id the viewer may not open, CONFLICT when someone saved since `version`.',
    args: { input: t.arg({ type: InvestigationInput, required: true }) },
    resolve: (_, a, ctx) => ctx.services.investigations.save(ctx.viewer, a.input),
  }),
  deleteInvestigation: t.field({
    type: 'ID',
    description: 'Deletes a saved investigation and gives back its id; NOT_FOUND when unknown or not the viewer’s to delete.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_, a, ctx) => ctx.services.investigations.delete(ctx.viewer, String(a.id)),
  }),
}));
