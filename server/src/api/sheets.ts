import { importSheet, type OnRowError } from '../sheets/import-sheet';
import { BUILT_IN_MAPPINGS, checkMapping, DRAFT_NAME, MappingError, type SheetMapping } from '../sheets/mappings';
import { previewSheet } from '../sheets/preview';
import { resolveMappings, UnknownMappingError } from '../sheets/resolve-mapping';
import { fileInMemory, type SheetFile } from '../sheets/sheet-file';
import { isTimeZone } from '../sheets/values';
import type { GraphStore } from '../store/graph-store';
import { apiError } from './errors';
import { API_LIMITS, clamp } from './limits';
import { ownerFor } from './services';
import type { ApiViewer } from './viewer';

export interface MappingInput {
  name: string;
  kind: string;
  columns: { field: string; headers: string[] }[];
  timeZone?: string | null;
}

async function sheetFile(file: File): Promise<SheetFile> {
  if (file.size > API_LIMITS.sheetBytes.max) {
    throw apiError('LIMIT', `The file is larger than ${API_LIMITS.sheetBytes.max / 1024 / 1024} MiB; import it with npm run import-sheet.`);
  }
  return fileInMemory(file.name || 'upload', new Uint8Array(await file.arrayBuffer()));
}

/** Built-in mappings and those saved under the viewer's agencies, as an import chooses among them. */
async function mappingsFor(store: GraphStore, viewer: ApiViewer, name?: string | null): Promise<SheetMapping[]> {
  try {
    return resolveMappings(name ?? undefined, await store.listSheetMappings(viewer.agencies));
  } catch (error) {
    if (error instanceof UnknownMappingError) throw apiError('NOT_FOUND', error.message, { field: 'mapping' });
    throw error;
  }
}

/** A mapping as sent, checked (BAD_INPUT naming the field at fault). */
function checked(input: MappingInput): SheetMapping {
  try {
    const columns = Object.fromEntries(input.columns.map((c) => [c.field, c.headers]));
    return checkMapping({ ...input, columns }, isTimeZone);
  } catch (error) {
    if (error instanceof MappingError) throw apiError('BAD_INPUT', error.message, { field: error.field });
    throw error;
  }
}

/** Statement and call-record import: mappings, preview, import. */
export function createSheetServices(store: GraphStore) {
  return {
    mappings: async (viewer: ApiViewer) => [...(await store.listSheetMappings(viewer.agencies)), ...BUILT_IN_MAPPINGS.map((m) => ({ ...m, agency: null }))],

    preview: async (viewer: ApiViewer, a: { file: File; mapping?: string | null; draft?: MappingInput | null; rows?: number | null }) => {
      const mappings = a.draft ? [checked({ ...a.draft, name: a.draft.name.trim() || DRAFT_NAME })] : await mappingsFor(store, viewer, a.mapping);
      const file = await sheetFile(a.file);
      return previewSheet(file, mappings, clamp(a.rows, API_LIMITS.previewRows.max, API_LIMITS.previewRows.fallback));
    },

    import: async (viewer: ApiViewer, a: { file: File; mapping?: string | null; agency?: string | null; onError?: OnRowError | null }) => {
      const agency = ownerFor(viewer, a.agency);
      const file = await sheetFile(a.file);
      return importSheet(store, file, { mappings: await mappingsFor(store, viewer, a.mapping), agency, by: viewer.userId, onError: a.onError ?? 'stop' });
    },

    saveMapping: async (viewer: ApiViewer, a: { mapping: MappingInput; agency?: string | null }) => {
      const agency = ownerFor(viewer, a.agency);
      return store.saveSheetMapping(agency, viewer.userId, checked(a.mapping));
    },

    deleteMapping: async (viewer: ApiViewer, a: { name: string; agency?: string | null }) => store.deleteSheetMapping(ownerFor(viewer, a.agency), a.name),
  };
}
