import { BUILT_IN_MAPPINGS, type SheetMapping } from './mappings';

/** No mapping of that name among the built-in and saved ones. */
export class UnknownMappingError extends Error {
  constructor(
    readonly mappingName: string,
    readonly known: string[],
  ) {
    super(`no mapping named ${JSON.stringify(mappingName)}; known: ${known.join(', ')}`);
    this.name = 'UnknownMappingError';
  }
}

/**
 * The mappings an import chooses among: the one named, or (no name, or `auto`) every built-in
 * and saved mapping, for each sheet to take the one that fits it best.
 */
export function resolveMappings(name: string | undefined, saved: readonly SheetMapping[]): SheetMapping[] {
  const all = [...saved, ...BUILT_IN_MAPPINGS];
  if (name === undefined || name === '' || name === 'auto') return all;
  const found = all.find((m) => m.name === name);
  if (!found) throw new UnknownMappingError(name, all.map((m) => m.name));
  return [found];
}
