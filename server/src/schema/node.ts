import {
  ACCOUNT_TYPES,
  AGENCY_LEVELS,
  CASE_CATEGORIES,
  CASE_STATUSES,
  CHANNELS,
  GANG_LAYERS,
  GENDERS,
  LABEL_NAMES,
  LABELS,
  LINK_TYPE_NAMES,
  LINK_TYPES,
  PLATFORMS,
  SOURCE_TYPES,
  type Label,
  type LinkType,
  type PropDef,
} from '../domain/model';
import type { GraphLink, GraphNode, SourceRecord } from '../domain/types';
import { citedSource, parseCitation, type Citation } from '../sheets/to-batch';
import { builder } from './builder';
import type { Context } from './context';

/**
 * The model's labels and link types as GraphQL types, generated from domain/model.ts so that a
 * new label or property is one edit there. Nodes and links carry ids, a label and a caption, so
 * the web app hands them to Cytoscape as they are (`source: from, target: to` as aliases).
 */

const ENUM_NAMES = new Map<readonly string[], string>([
  [CASE_CATEGORIES, 'CaseCategory'],
  [CHANNELS, 'Channel'],
  [CASE_STATUSES, 'CaseStatus'],
  [GENDERS, 'Gender'],
  [ACCOUNT_TYPES, 'AccountType'],
  [PLATFORMS, 'Platform'],
  [AGENCY_LEVELS, 'AgencyLevel'],
  [GANG_LAYERS, 'GangLayer'],
  [SOURCE_TYPES, 'SourceType'],
]);
const enums = new Map([...ENUM_NAMES].map(([values, name]) => [values, builder.enumType(name, { values: values as readonly string[] })]));

/** The GraphQL enum generated for one of the model's value lists. */
export const modelEnum = (values: readonly string[]) => enums.get(values)!;

export const NodeLabel = builder.enumType('NodeLabel', { values: LABEL_NAMES });
export const LinkTypeEnum = builder.enumType('LinkType', { values: LINK_TYPE_NAMES });

type Props = GraphNode['props'];
type Field = (t: any, name: string, def: PropDef) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any

/** One GraphQL field per model property, its value passed through the viewer's masking hook. */
const propField: Field = (t, name, def) => {
  const resolve = (parent: { props: Props; id?: string; label?: string }, _: unknown, ctx: Context) => ctx.mask(def, parent.props[name], parent);
  const description = def.sensitive ? `Sensitive (${def.sensitive}): masked unless the viewer's role may see it.` : undefined;
  const options = { nullable: true, resolve, description };
  switch (def.type) {
    case 'int':
      return t.int(options);
    case 'boolean':
      return t.boolean(options);
    case 'money':
      return t.field({ ...options, type: 'Money' });
    case 'time':
      return t.field({ ...options, type: 'DateTime' });
    case 'stringList':
      return t.stringList(options);
    case 'enum':
      return t.field({ ...options, type: enums.get(def.values!)! });
    default:
      return t.string(options);
  }
};

export const Node = builder.interfaceRef<GraphNode>('Node').implement({
  description: 'A node of the graph. `id` is global and stable (e.g. phone:+8613812345678, case:SH1).',
  resolveType: (node) => node.label,
  fields: (t) => ({
    id: t.exposeID('id'),
    label: t.field({ type: NodeLabel, resolve: (n) => n.label }),
    caption: t.string({
      description: 'What the canvas shows: the label\'s caption property (masked like it), or the id.',
      resolve: (n, _, ctx) => {
        const prop = LABELS[n.label].caption;
        const value = ctx.mask((LABELS[n.label].props as Record<string, PropDef>)[prop], n.props[prop], n);
        // Synchronous unless masking must ask whether a person is a victim: a promise per node makes the executor wait on each.
        return value instanceof Promise ? value.then((v) => String(v ?? n.id)) : String(value ?? n.id);
      },
    }),
    owners: t.exposeStringList('owners', { description: 'Agencies that contributed this node.' }),
    createdAt: t.field({ type: 'DateTime', resolve: (n) => n.createdAt }),
    updatedAt: t.field({ type: 'DateTime', resolve: (n) => n.updatedAt }),
  }),
});

export const labelTypes = Object.fromEntries(
  LABEL_NAMES.map((label) => [
    label,
    builder.objectRef<GraphNode>(label).implement({
      interfaces: [Node],
      isTypeOf: (n) => (n as GraphNode).label === label,
      fields: (t) => Object.fromEntries(Object.entries(LABELS[label].props as Record<string, PropDef>).map(([name, def]) => [name, propField(t, name, def)])) as never,
    }),
  ]),
) as Record<Label, ReturnType<typeof builder.objectRef<GraphNode>>>;

export const Source = builder.objectRef<SourceRecord>('Source').implement({
  description: 'An evidence record that links cite by id.',
  fields: (t) => ({
    id: t.exposeID('id'),
    type: t.field({ type: enums.get(SOURCE_TYPES)!, resolve: (s) => s.type }),
    reference: t.exposeString('reference'),
    sha256: t.exposeString('sha256', { nullable: true }),
    collectedAt: t.field({ type: 'DateTime', nullable: true, resolve: (s) => s.collectedAt }),
    collectedBy: t.exposeString('collectedBy', { nullable: true }),
    owner: t.exposeString('owner'),
  }),
});

const RowCitation = builder.objectRef<Citation>('RowCitation').implement({
  description: 'The file row a link was read from: an imported statement or call-record file (its Source), the sheet and the row.',
  fields: (t) => ({
    source: t.exposeID('source'),
    sheet: t.exposeString('sheet'),
    row: t.exposeInt('row', { description: 'As the spreadsheet numbers it (1-based, header and title rows counted).' }),
    label: t.string({ description: '`sheet!row`, as a spreadsheet names a row.', resolve: (c) => `${c.sheet}!${c.row}` }),
  }),
});

export const linkId = (l: GraphLink) => `${l.type}:${l.from}:${l.to}:${l.key}`;

export const Link = builder.interfaceRef<GraphLink>('Link').implement({
  description: 'A link of the graph, with who recorded it, when, and the evidence it rests on.',
  resolveType: (l) => linkTypeName(l.type),
  fields: (t) => ({
    id: t.id({ description: 'Global and stable: type:from:to:key.', resolve: linkId }),
    type: t.field({ type: LinkTypeEnum, resolve: (l) => l.type }),
    caption: t.string({ resolve: (l) => l.type }),
    from: t.id({ resolve: (l) => l.from }),
    to: t.id({ resolve: (l) => l.to }),
    key: t.exposeString('key', { description: "Tells apart links of one type between the same nodes; '' when there is one." }),
    owner: t.exposeString('owner', { description: 'The agency that first recorded the link.' }),
    owners: t.exposeStringList('owners'),
    sources: t.idList({ resolve: (l) => l.sources }),
    evidence: t.field({
      type: [Source],
      nullable: { list: false, items: true },
      description: 'The source records cited, each once (a row citation names its file’s Source).',
      resolve: (l, _, ctx) => ctx.loaders.source.loadMany([...new Set(l.sources.map(citedSource))]) as never,
    }),
    citations: t.field({ type: [RowCitation], description: 'The file rows among `sources`.', resolve: (l) => l.sources.flatMap((s) => parseCitation(s) ?? []) }),
    createdAt: t.field({ type: 'DateTime', resolve: (l) => l.createdAt }),
    createdBy: t.exposeString('createdBy'),
  }),
});

const LINK_TYPE_OBJECTS = new Map<string, string>(LINK_TYPE_NAMES.map((type) => [type, `${type.toLowerCase().replace(/(^|_)(\w)/g, (_, __, c: string) => c.toUpperCase())}Link`]));

/** The GraphQL object type of a link type (TRANSFERRED: TransferredLink), worked out once per type. */
function linkTypeName(type: LinkType): string {
  return LINK_TYPE_OBJECTS.get(type)!;
}

for (const type of LINK_TYPE_NAMES) {
  builder.objectRef<GraphLink>(linkTypeName(type)).implement({
    interfaces: [Link],
    isTypeOf: (l) => (l as GraphLink).type === type,
    fields: (t) => Object.fromEntries(Object.entries(LINK_TYPES[type].props as Record<string, PropDef>).map(([name, def]) => [name, propField(t, name, def)])) as never,
  });
}
