/**
 * One NDJSON line per record, byte-identical to JSON.stringify but about three times faster for the
 * records that make up most of a bundle (links and identifier nodes). Their strings are ids, ISO
 * times, numbers and names from the generator's own lists, none of which contains a character JSON
 * must escape; the test suite checks the equality on whole bundles. Anything else (cases, people,
 * sources, free text) goes through JSON.stringify.
 */
import type { BundleRecord, Props } from './types';

function props(p: Props): string {
  let out = '{';
  let first = true;
  for (const k in p) {
    const v = p[k];
    if (v === undefined) continue;
    out += `${first ? '' : ','}"${k}":${typeof v === 'string' ? `"${v}"` : typeof v === 'object' ? JSON.stringify(v) : String(v)}`;
    first = false;
  }
  return out + '}';
}

const FAST_LABELS = new Set(['Phone', 'BankCard', 'OnlineAccount', 'Device']);

export function toLine(r: BundleRecord): string {
  if (r.kind === 'link') {
    let s = `{"kind":"link","type":"${r.type}","from":"${r.from}","to":"${r.to}"`;
    if (r.key !== undefined) s += `,"key":"${r.key}"`;
    if (r.owner !== undefined) s += `,"owner":"${r.owner}"`;
    if (r.sources !== undefined) s += r.sources.length === 1 ? `,"sources":["${r.sources[0]}"]` : `,"sources":${JSON.stringify(r.sources)}`;
    if (r.props !== undefined) s += `,"props":${props(r.props)}`;
    return s + '}';
  }
  if (r.kind === 'node' && FAST_LABELS.has(r.label)) {
    let s = `{"kind":"node","label":"${r.label}","id":"${r.id}"`;
    if (r.owner !== undefined) s += `,"owner":"${r.owner}"`;
    if (r.props !== undefined) s += `,"props":${props(r.props)}`;
    return s + '}';
  }
  return JSON.stringify(r);
}
