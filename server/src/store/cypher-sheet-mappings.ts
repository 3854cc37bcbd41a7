import type { SheetMapping } from '../sheets/mappings';
import type { CypherRunner, Row } from './runner';
import type { SavedSheetMapping, SheetMappingStore } from './sheet-mappings';

const idOf = (agency: string, name: string) => `${agency}|${name}`;

function toMapping(row: Row): SavedSheetMapping {
  const definition = JSON.parse(row.definition as string) as Pick<SheetMapping, 'columns' | 'timeZone'>;
  return {
    name: row.name as string,
    kind: row.kind as SheetMapping['kind'],
    columns: definition.columns,
    timeZone: definition.timeZone,
    builtIn: false,
    agency: row.agency as string,
    updatedAt: row.updatedAt as string,
    updatedBy: row.updatedBy as string,
  };
}

/** The SheetMappingStore half of the port, over any engine that runs the queries in cypher/. */
export class CypherSheetMappings implements SheetMappingStore {
  constructor(private readonly runner: CypherRunner) {}

  async listSheetMappings(agencies: string | string[]): Promise<SavedSheetMapping[]> {
    const list = typeof agencies === 'string' ? [agencies] : agencies;
    if (list.length === 0) return [];
    return (await this.runner.read('sheet-mapping-list', { agencies: list })).map(toMapping);
  }

  async saveSheetMapping(agency: string, by: string, mapping: SheetMapping): Promise<SavedSheetMapping> {
    const params = {
      id: idOf(agency, mapping.name),
      agency,
      name: mapping.name,
      kind: mapping.kind,
      definition: JSON.stringify({ columns: mapping.columns, timeZone: mapping.timeZone }),
      now: new Date().toISOString(),
      by,
    };
    const [row] = await this.runner.writeQuery('sheet-mapping-save', params);
    if (!row) throw new Error(`sheet mapping ${params.id} not readable after save`);
    return toMapping(row);
  }

  async deleteSheetMapping(agency: string, name: string): Promise<boolean> {
    return (await this.runner.writeQuery('sheet-mapping-delete', { id: idOf(agency, name) })).length > 0;
  }
}
