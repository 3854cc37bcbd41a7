import type { Props } from '../domain/types';
import type { ReadRow } from './rows';

export const cardId = (number: string) => `card:${number}`;
export const phoneId = (e164: string) => `phone:${e164}`;
export const imeiId = (imei: string) => `imei:${imei}`;
export const macId = (mac: string) => `mac:${mac}`;
export const personId = (idNumber: string) => `person:${idNumber}`;

/** A holder or device link a row shows: a person HOLDS a card, USES a phone or a device. */
export interface RowRelation {
  type: 'HOLDS' | 'USES';
  from: string;
  to: string;
}

/** The people, devices and holder links one row names, besides its transfer or call. */
export interface RowRelations {
  people: { id: string; idNumber: string; name: string }[];
  devices: { id: string; props: Props }[];
  links: RowRelation[];
}

/** The relations of a row that shows none: one frozen value for all such rows. */
const NONE: RowRelations = Object.freeze({ people: Object.freeze([]) as never[], devices: Object.freeze([]) as never[], links: Object.freeze([]) as never[] });

/**
 * What a row says about who holds and uses what. A device (a statement's MAC, a call record's
 * IMEI) is a Device by its normalised id. The model links a device only to a person (USES), so
 * it is linked only when the row also gives the holder's or subscriber's national ID: that
 * person (`person:<ID>`, as bundles name people) HOLDS the card, USES the phone and USES the
 * device; a counterparty's national ID adds HOLDS to the counterparty's card. The importer and
 * the preview both read rows through this, so the preview shows what the import will write.
 */
export function rowRelations(row: ReadRow): RowRelations {
  // Most statements name no ID numbers or devices: no objects a row for them.
  if (row.ownId === null && (row.kind === 'transfer' ? row.mac === null && row.counterId === null : row.imei === null)) return NONE;
  const out: RowRelations = { people: [], devices: [], links: [] };
  let device: string | null = null;
  if (row.kind === 'transfer' && row.mac !== null) out.devices.push({ id: (device = macId(row.mac)), props: {} });
  if (row.kind === 'call' && row.imei !== null) out.devices.push({ id: (device = imeiId(row.imei)), props: { imei: row.imei } });
  if (row.ownId !== null) {
    const person = personId(row.ownId);
    out.people.push({ id: person, idNumber: row.ownId, name: row.kind === 'transfer' ? row.ownHolder : '' });
    out.links.push(row.kind === 'transfer' ? { type: 'HOLDS', from: person, to: cardId(row.own) } : { type: 'USES', from: person, to: phoneId(row.own) });
    if (device !== null) out.links.push({ type: 'USES', from: person, to: device });
  }
  if (row.kind === 'transfer' && row.counterId !== null && row.counter !== null) {
    const person = personId(row.counterId);
    out.people.push({ id: person, idNumber: row.counterId, name: row.counterName });
    out.links.push({ type: 'HOLDS', from: person, to: cardId(row.counter) });
  }
  return out;
}
