/**
 * Kuzu 0.11 cannot bind a parameter inside a recursive pattern's filter ("Cannot evaluate $x
 * because it does not depend on n or e"), nor inside a list lambda (it aborts). So for the
 * embedded engine the viewer and filter parameters are written into the query as literals.
 * Only values from a closed alphabet are accepted — agency ids as the bundle schema allows
 * them, grant principals (`~tf:…`, visibility.ts), model enums, normalised UTC times, the owner pattern built from those — so no value can
 * close its quotes; anything else throws.
 */
export const INLINED_PARAMS = new Set(['agencies', 'ownerPattern', 'labels', 'linkTypes', 'from', 'to']);

const SAFE = /^[A-Za-z0-9_.:+\-|[\]()*~]*$/;

export function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (typeof value === 'string') {
    if (!SAFE.test(value)) throw new Error(`cannot write ${JSON.stringify(value)} into a query`);
    return `'${value}'`;
  }
  throw new Error(`cannot write a ${typeof value} into a query`);
}

/** Replaces `$name` for the inlined parameters; returns the query and the parameters still bound. */
export function inline(query: string, params: Record<string, unknown>): { text: string; bound: Record<string, unknown> } {
  const bound: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) if (!INLINED_PARAMS.has(name)) bound[name] = value;
  const text = query.replace(/\$(\w+)/g, (whole, name: string) => (INLINED_PARAMS.has(name) && name in params ? literal(params[name]) : whole));
  return { text, bound };
}
