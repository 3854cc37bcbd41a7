import type { PropDef } from '../domain/model';
import type { SheetMapping } from '../sheets/mappings';

/**
 * Saved import specifications: an agency's own mappings for the statements of a bank or the
 * records of a carrier, kept under a name and reused. One agency's names are its own: two
 * agencies may each have a "招商银行 2024" mapping. The store keeps the columns as JSON text.
 */
export const SHEET_MAPPING_PROPS = {
  id: { type: 'string' },
  agency: { type: 'string' },
  name: { type: 'string' },
  kind: { type: 'string' },
  definition: { type: 'string' },
  updatedAt: { type: 'time' },
  updatedBy: { type: 'string' },
} as const satisfies Record<string, PropDef>;

export interface SavedSheetMapping extends SheetMapping {
  /** The agency it was saved under. */
  agency: string;
  updatedAt: string;
  updatedBy: string;
}

export interface SheetMappingStore {
  /** The mappings saved under any of `agencies`, by name. */
  listSheetMappings(agencies: string | string[]): Promise<SavedSheetMapping[]>;
  /** Saves a checked mapping under an agency, replacing one of the same name there. */
  saveSheetMapping(agency: string, by: string, mapping: SheetMapping): Promise<SavedSheetMapping>;
  /** Deletes an agency's mapping; false when it has none of that name. */
  deleteSheetMapping(agency: string, name: string): Promise<boolean>;
}
