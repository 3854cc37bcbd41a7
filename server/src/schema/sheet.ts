import { API_LIMITS as L } from '../api/limits';
import type { SheetImportReport as Report } from '../sheets/import-sheet';
import { SHEET_KINDS, type SheetMapping as Mapping } from '../sheets/mappings';
import type { SheetSummary as Summary } from '../sheets/mapped-rows';
import type { PreviewRow as Row, SheetPreview as Preview } from '../sheets/preview';
import type { RowError as Err } from '../sheets/rows';
import { builder } from './builder';

/** Bank statements and call-detail records: import specifications, preview and import. */

const SheetKind = builder.enumType('SheetKind', { values: SHEET_KINDS });
const OnRowError = builder.enumType('SheetOnRowError', {
  values: { STOP: { value: 'stop', description: 'Write nothing if any row is bad.' }, SKIP: { value: 'skip', description: 'Import the good rows; the bad ones come back as a file.' } } as const,
});

type MappingOut = Mapping & { agency: string | null };

const SheetColumn = builder.objectRef<{ field: string; headers: string[] }>('SheetColumn').implement({
  fields: (t) => ({ field: t.exposeString('field'), headers: t.exposeStringList('headers', { description: 'Header names that may hold the field, any one.' }) }),
});

const SheetMapping = builder.objectRef<MappingOut>('SheetMapping').implement({
  description: 'An import specification: which columns of a statement or call-record file hold what.',
  fields: (t) => ({
    name: t.exposeString('name'),
    kind: t.field({ type: SheetKind, resolve: (m) => m.kind }),
    builtIn: t.exposeBoolean('builtIn'),
    agency: t.exposeString('agency', { nullable: true, description: 'The agency it was saved under; null for a built-in one.' }),
    timeZone: t.exposeString('timeZone', { description: "The IANA zone of the file's wall-clock times." }),
    columns: t.field({ type: [SheetColumn], resolve: (m) => Object.entries(m.columns).map(([field, headers]) => ({ field, headers: headers ?? [] })) }),
  }),
});

const SheetRowError = builder.objectRef<Err>('SheetRowError').implement({
  description: 'A row that cannot be read: where it is, which column, the value found and why.',
  fields: (t) => ({
    sheet: t.exposeString('sheet'),
    row: t.exposeInt('row'),
    column: t.exposeString('column'),
    value: t.exposeString('value'),
    reason: t.exposeString('reason'),
  }),
});

const SheetSummary = builder.objectRef<Summary>('SheetSummary').implement({
  fields: (t) => ({
    sheet: t.exposeString('sheet'),
    mapping: t.exposeString('mapping', { nullable: true, description: 'Null for a sheet no mapping fits (left out).' }),
    headerRow: t.exposeInt('headerRow', { nullable: true }),
    rows: t.exposeInt('rows'),
    header: t.exposeStringList('header', { description: "The header row's cells; when no mapping fits, the likely header's (the top row with most cells filled)." }),
  }),
});

const PreviewLink = builder.objectRef<NonNullable<Row['link']>>('SheetPreviewLink').implement({
  fields: (t) => ({
    type: t.exposeString('type'),
    from: t.exposeID('from'),
    to: t.exposeID('to'),
    key: t.exposeString('key'),
    amount: t.field({ type: 'Money', nullable: true, resolve: (l) => l.amount }),
    at: t.field({ type: 'DateTime', resolve: (l) => l.at }),
    seconds: t.exposeInt('seconds', { nullable: true }),
  }),
});

const PreviewRelated = builder.objectRef<Row['related'][number]>('SheetPreviewRelated').implement({
  description: 'A holder or device link a row gives: a person (by national ID) HOLDS a card, USES a phone or a device.',
  fields: (t) => ({ type: t.exposeString('type'), from: t.exposeID('from'), to: t.exposeID('to') }),
});

const PreviewRow = builder.objectRef<Row>('SheetPreviewRow').implement({
  fields: (t) => ({
    sheet: t.exposeString('sheet'),
    row: t.exposeInt('row'),
    link: t.field({ type: PreviewLink, nullable: true, resolve: (r) => r.link }),
    related: t.field({ type: [PreviewRelated], description: 'The holder and device links the row would add; each shows on the first row that gives it, the row the import cites.', resolve: (r) => r.related }),
    skipped: t.exposeString('skipped', { nullable: true, description: 'Why a readable row makes no link: no-counterparty, failed, sms, totals, empty.' }),
    error: t.field({ type: SheetRowError, nullable: true, resolve: (r) => r.error }),
  }),
});

const PreviewColumn = builder.objectRef<Preview['columns'][number]>('SheetPreviewColumn').implement({
  fields: (t) => ({ sheet: t.exposeString('sheet'), mapping: t.exposeString('mapping'), field: t.exposeString('field'), header: t.exposeString('header') }),
});

const SheetPreview = builder.objectRef<Preview>('SheetPreview').implement({
  description: 'The first rows of a file as the graph would get them; nothing is written.',
  fields: (t) => ({
    sheets: t.field({ type: [SheetSummary], resolve: (p) => p.sheets }),
    columns: t.field({ type: [PreviewColumn], resolve: (p) => p.columns }),
    rows: t.field({ type: [PreviewRow], resolve: (p) => p.rows }),
    errors: t.field({ type: [SheetRowError], resolve: (p) => p.errors }),
  }),
});

const SheetImportReport = builder.objectRef<Report>('SheetImportReport').implement({
  fields: (t) => ({
    file: t.exposeString('file'),
    sha256: t.exposeString('sha256'),
    source: t.exposeID('source', { description: 'The Source the file became; every link cites it with sheet and row.' }),
    sheets: t.field({ type: [SheetSummary], resolve: (r) => r.sheets }),
    rows: t.exposeInt('rows'),
    imported: t.exposeInt('imported'),
    skipped: t.field({ type: 'JSON', description: 'Readable rows that make no link, by reason.', resolve: (r) => r.skipped }),
    errors: t.field({ type: [SheetRowError], description: 'The first 1,000 bad rows.', resolve: (r) => r.errors }),
    errorCount: t.exposeInt('errorCount'),
    stopped: t.exposeBoolean('stopped', { description: 'True when bad rows stopped the import and nothing was written.' }),
    badRows: t.exposeString('badRows', { nullable: true, description: 'The bad rows as CSV (UTF-8 with BOM), with where and why beside each.' }),
    nodesCreated: t.exposeInt('nodesCreated'),
    nodesUpdated: t.exposeInt('nodesUpdated'),
    linksCreated: t.exposeInt('linksCreated'),
    linksUpdated: t.exposeInt('linksUpdated'),
    sourcesCreated: t.exposeInt('sourcesCreated'),
  }),
});

const SheetColumnInput = builder.inputType('SheetColumnInput', {
  fields: (t) => ({ field: t.string({ required: true }), headers: t.stringList({ required: true }) }),
});

const SheetMappingInput = builder.inputType('SheetMappingInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    kind: t.field({ type: SheetKind, required: true }),
    columns: t.field({ type: [SheetColumnInput], required: true }),
    timeZone: t.string({ description: 'IANA zone of the times in the files (default Asia/Shanghai).' }),
  }),
});

const MAPPING = 'A built-in or saved mapping by name; absent (or `auto`) for each sheet to take the one that fits it best.';
const FILE = `A CSV (UTF-8 or GBK/GB18030) or XLSX file of at most ${L.sheetBytes.max / 1024 / 1024} MiB (LIMIT otherwise; larger files: npm run import-sheet).`;

builder.queryFields((t) => ({
  sheetMappings: t.field({
    type: [SheetMapping],
    description: "The mappings saved under the viewer's agencies, then the built-in ones.",
    resolve: (_, __, ctx) => ctx.services.sheets.mappings(ctx.viewer),
  }),
}));

builder.mutationFields((t) => ({
  previewSheet: t.field({
    type: SheetPreview,
    description: `Reads the first rows of a file (\`rows\`, clamped to 1..${L.previewRows.max}, default ${L.previewRows.fallback}) and shows what each would become; writes nothing. A mutation only because it takes an upload.`,
    args: {
      file: t.arg({ type: 'File', required: true, description: FILE }),
      mapping: t.arg.string({ description: MAPPING }),
      draft: t.arg({ type: SheetMappingInput, description: 'A mapping being made, not saved (its name may be blank): the file is read with it alone, and `mapping` is not used. BAD_INPUT names the field at fault.' }),
      rows: t.arg.int(),
    },
    resolve: (_, a, ctx) => ctx.services.sheets.preview(ctx.viewer, a),
  }),
  importSheet: t.field({
    type: SheetImportReport,
    description: 'Imports a bank statement or call-record file under one of the viewer’s agencies: cards and phones as nodes, TRANSFERRED and CALLED links citing the file’s Source by sheet and row. With onError STOP (default) a bad row means nothing is written.',
    args: {
      file: t.arg({ type: 'File', required: true, description: FILE }),
      mapping: t.arg.string({ description: MAPPING }),
      agency: t.arg.string({ description: "The agency the records are imported under; one of the viewer's (default: the first)." }),
      onError: t.arg({ type: OnRowError }),
    },
    resolve: (_, a, ctx) => ctx.services.sheets.import(ctx.viewer, a),
  }),
  saveSheetMapping: t.field({
    type: SheetMapping,
    description: 'Saves an import specification under one of the viewer’s agencies, replacing one of the same name there. BAD_INPUT names the field at fault.',
    args: { mapping: t.arg({ type: SheetMappingInput, required: true }), agency: t.arg.string() },
    resolve: (_, a, ctx) => ctx.services.sheets.saveMapping(ctx.viewer, a),
  }),
  deleteSheetMapping: t.boolean({
    description: 'Deletes a saved mapping of one of the viewer’s agencies; false when it has none of that name.',
    args: { name: t.arg.string({ required: true }), agency: t.arg.string() },
    resolve: (_, a, ctx) => ctx.services.sheets.deleteMapping(ctx.viewer, a),
  }),
}));
