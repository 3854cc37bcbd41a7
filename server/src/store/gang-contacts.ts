import { MIN_CALLEES, gangIdentifierIds, isServiceNumber, type GangContactRecords } from '../domain/early-warning';
import type { Viewer } from '../domain/types';
import { num, toNode } from './mapping';
import type { CypherRunner } from './runner';
import { viewerParams } from './visibility';

/** Ids a query unwinds at a time: one parameter list stays small on both engines. */
const CHUNK = 5000;

/**
 * The early-warning read (GraphStore.gangContacts) as plain queries both engines run alike:
 * the gang's identifiers, the calls and messages out of them, and who uses what they reached.
 */
export async function readGangContacts(runner: CypherRunner, viewer: Viewer, gangId: string | null): Promise<GangContactRecords> {
  const empty: GangContactRecords = { memberIdentifiers: [], caseIdentifiers: [], victimIdentifiers: [], unregisteredCallers: [], contacts: [], people: [], financeStaff: [] };
  if (viewer.agencies.length === 0) return empty;
  const vp = viewerParams(viewer);
  const chunked = async (name: string, ids: string[]) => {
    const rows = [];
    // Appended row by row: a spread of a large answer overflows the stack.
    for (let i = 0; i < ids.length; i += CHUNK) for (const row of await runner.read(name, { ...vp, ids: ids.slice(i, i + CHUNK) })) rows.push(row);
    return rows;
  };

  const memberIdentifiers = (await runner.read('warning-member-identifiers', { ...vp, gangId: gangId ?? '' })).map((r) => ({ id: r.id as string, gang: r.gang as string }));
  // A gang's cases: those its members are suspects in, and those its members' phones and accounts reached.
  const caseIds = gangId
    ? [
        ...new Set([
          ...(await runner.read('warning-gang-cases', { ...vp, gangId })).map((r) => r.id as string),
          ...(await chunked('warning-identifier-cases', [...new Set(memberIdentifiers.map((m) => m.id))])).map((r) => r.id as string),
        ]),
      ].sort()
    : [];
  // An empty list parameter crashes Kuzu 0.11 (it cannot type it); '' is no case's id.
  const caseIdentifiers = (await runner.read('warning-case-identifiers', { ...vp, everyCase: !gangId, caseIds: caseIds.length > 0 ? caseIds : [''] })).map((r) => ({
    id: r.id as string,
    caseId: r.caseId as string,
    category: (r.category as string) ?? null,
  }));
  const victimIdentifiers = (await runner.read('warning-victim-identifiers', vp)).map((r) => r.id as string);
  // Only across every gang: an unclaimed caller cannot be tied to one gang.
  const unregisteredCallers = gangId
    ? []
    : (await runner.read('warning-callers', vp))
        .filter((r) => num(r.users) === 0 && num(r.callees) >= MIN_CALLEES && !isServiceNumber(r.number))
        .map((r) => ({ id: r.id as string, callees: num(r.callees) }));

  const sources = gangIdentifierIds({ memberIdentifiers, caseIdentifiers, victimIdentifiers, unregisteredCallers });
  const contacts = (await chunked('warning-contacts', sources)).map((r) => ({
    from: r.from as string,
    to: r.to as string,
    type: r.type as 'CALLED' | 'CONTACTED',
    at: (r.at as string) ?? null,
    seconds: r.seconds === undefined || r.seconds === null ? null : num(r.seconds),
  }));
  const reached = [...new Set(contacts.map((c) => c.to))];
  const byPair = new Map<string, GangContactRecords['people'][number]>();
  for (const r of await chunked('warning-contact-people', reached)) {
    const person = toNode(r.person);
    const key = `${r.identifier as string}\n${person.id}`;
    const entry = byPair.get(key) ?? { identifier: r.identifier as string, person, roles: [] };
    if (typeof r.role === 'string' && !entry.roles.includes(r.role)) entry.roles.push(r.role);
    byPair.set(key, entry);
  }
  const gangCases = new Set(caseIds);
  const financeStaff = (await runner.read('warning-finance-staff', vp))
    .map((r) => ({ person: toNode(r.person), card: r.card as string, company: (r.company as string) ?? null, caseId: r.caseId as string, roles: num(r.roles) }))
    .filter((f) => !gangId || gangCases.has(f.caseId));
  return { memberIdentifiers, caseIdentifiers, victimIdentifiers, unregisteredCallers, contacts, people: [...byPair.values()], financeStaff };
}
