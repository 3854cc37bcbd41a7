import { DRAFT_NAME, FIELDS_OF, REQUIRED, type SheetField, type SheetKind } from '../../../server/src/sheets/mappings';

export { DRAFT_NAME, FIELDS_OF, REQUIRED };
export type { SheetField, SheetKind };

/** What the mapping editor holds: a kind, a name, a time zone and, per column of the header, the field it gives (or none). */
export interface MappingChoices {
  kind: SheetKind;
  name: string;
  timeZone: string;
  /** The header row's cells, left to right. */
  header: readonly string[];
  /** The field chosen for each column, by the column's index; absent or '' for a column left out. */
  fields: Readonly<Record<number, SheetField | ''>>;
}

/** A mapping as saveSheetMapping takes it. */
export interface MappingInput {
  name: string;
  kind: SheetKind;
  timeZone: string;
  columns: { field: SheetField; headers: string[] }[];
}

/** Why the choices make no mapping yet: no name, a required group with no column, one field on two columns, an unnamed column chosen. */
export type DraftProblem =
  | { kind: 'name' }
  | { kind: 'required'; fields: readonly SheetField[] }
  | { kind: 'twice'; field: SheetField; headers: string[] }
  | { kind: 'blankHeader'; column: number };

/** Whether a field is required alone or as one of a group (any one of the group is enough). */
export function requiredGroup(kind: SheetKind, field: SheetField): readonly SheetField[] | null {
  return REQUIRED[kind].find((g) => g.includes(field)) ?? null;
}

/**
 * Turns the columns an investigator assigned into the mapping to save: each chosen field holds the
 * header name of its column. Fields not of the kind are dropped (they were chosen under another kind).
 * Problems come back instead when the mapping could not be read by the importer.
 */
export function draftMapping(c: MappingChoices): { mapping: MappingInput; problems: [] } | { mapping: null; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  const name = c.name.trim();
  if (name === '') problems.push({ kind: 'name' });
  const fields = FIELDS_OF[c.kind];
  const byField = new Map<SheetField, string[]>();
  c.header.forEach((cell, i) => {
    const field = c.fields[i];
    if (!field || !fields.includes(field)) return;
    const header = cell.trim();
    if (header === '') {
      problems.push({ kind: 'blankHeader', column: i });
      return;
    }
    byField.set(field, [...(byField.get(field) ?? []), header]);
  });
  for (const [field, headers] of byField) if (headers.length > 1) problems.push({ kind: 'twice', field, headers });
  for (const group of REQUIRED[c.kind]) if (group.every((f) => !byField.has(f))) problems.push({ kind: 'required', fields: group });
  if (problems.length > 0) return { mapping: null, problems };
  const columns = fields.filter((f) => byField.has(f)).map((field) => ({ field, headers: byField.get(field)! }));
  return { mapping: { name, kind: c.kind, timeZone: c.timeZone.trim() || 'Asia/Shanghai', columns }, problems: [] };
}
