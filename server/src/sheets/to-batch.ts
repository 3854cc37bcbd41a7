import type { Batch, LinkInput, NodeInput, Props, SourceRecord } from '../domain/types';
import { cardId, phoneId, rowRelations } from './row-relations';
import type { ReadRow } from './rows';

export { cardId, imeiId, macId, personId, phoneId } from './row-relations';

/** The Source a sheet file becomes: its id is the file's SHA-256, so the same file is one Source. */
export function sheetSourceId(sha256: string): string {
  return `src:sheet:${sha256}`;
}

/** A row citation, what a link's `sources` holds: the file's Source, the sheet and the row. */
export function rowCitation(sha256: string, sheet: string, row: number): string {
  return `${citationPrefix(sha256, sheet)}${row}`;
}

/** What every row citation of a sheet has before its row number. */
function citationPrefix(sha256: string, sheet: string): string {
  return `${sheetSourceId(sha256)}#${sheet}!`;
}

export interface Citation {
  /** The Source's id. */
  source: string;
  sheet: string;
  row: number;
}

/** The parts of a row citation; null for a source id that cites no row. */
export function parseCitation(id: string): Citation | null {
  const m = /^(src:sheet:[0-9a-f]{64})#(.*)!(\d+)$/.exec(id);
  return m ? { source: m[1]!, sheet: m[2]!, row: Number(m[3]) } : null;
}

/** The Source id a `sources` entry names: a row citation names its file's Source. */
export function citedSource(id: string): string {
  const hash = id.indexOf('#');
  return hash !== -1 && id.startsWith('src:sheet:') ? id.slice(0, hash) : id;
}

/**
 * Rows of one import gathered into one batch: each card or phone once (later rows add
 * properties earlier ones lacked), one link per row. A transfer runs from payer to payee
 * whichever statement it was read from, keyed by its transaction id, so the payer's and the
 * payee's statements give one link; a call runs from caller to callee keyed by its start time.
 *
 * The people, devices and holder links a row names (row-relations.ts) are staged too; each such
 * link once an import, citing the first row that shows it: a statement says who holds its card
 * on every row, and one citation is evidence enough.
 */
export class SheetBatch {
  private readonly nodes = new Map<string, NodeInput>();
  /** The staged cards by number, for the rows of this batch. */
  private readonly cards = new Map<string, NodeInput>();
  private links: LinkInput[] = [];
  private sources: SourceRecord[] = [];
  /** Holder and device links staged so far in this import (kept across batches). */
  private readonly related = new Set<string>();
  private citing: { sheet: string | null; prefix: string } = { sheet: null, prefix: '' };
  rows = 0;

  constructor(
    private readonly owner: string,
    private readonly sha256: string,
  ) {}

  get size(): number {
    return this.links.length;
  }

  /** True when nothing is staged. */
  get empty(): boolean {
    return this.links.length === 0 && this.nodes.size === 0 && this.sources.length === 0;
  }

  addSource(source: SourceRecord): void {
    this.sources.push(source);
  }

  /** The nodes a row names even when it makes no link (the statement's own card, its holder, the device). */
  addOwn(row: ReadRow, sheet: string, n: number): void {
    if (row.kind === 'transfer') this.card(row.own, row.ownHolder, '');
    else this.phone(row.own, '');
    this.holders(row, sheet, n);
  }

  add(row: ReadRow, sheet: string, n: number): void {
    this.rows++;
    const sources = [this.cite(sheet, n)];
    this.holders(row, sheet, n);
    if (row.kind === 'transfer') {
      const own = this.card(row.own, row.ownHolder, '');
      const counter = this.card(row.counter!, row.counterName, row.counterBank);
      const from = row.way === 'out' ? own : counter;
      const to = row.way === 'out' ? counter : own;
      const props: Props = { amount: row.fen, at: row.at };
      if (row.txId !== '') props.txId = row.txId;
      // Without a transaction id, what both statements agree on names the transfer.
      const key = row.txId !== '' ? row.txId : `~${row.at}~${row.fen}`;
      this.links.push({ type: 'TRANSFERRED', from, to, key, owner: this.owner, sources, props });
    } else {
      const own = this.phone(row.own, '');
      const other = this.phone(row.other, row.otherRegion);
      const from = row.way === 'out' ? own : other;
      const to = row.way === 'out' ? other : own;
      this.links.push({ type: 'CALLED', from, to, key: row.at, owner: this.owner, sources, props: { at: row.at, seconds: row.seconds } });
    }
  }

  private holders(row: ReadRow, sheet: string, n: number): void {
    const { people, devices, links } = rowRelations(row);
    for (const d of devices) this.node(d.id, 'Device', d.props);
    for (const p of people) this.node(p.id, 'Person', { idNumber: p.idNumber }, { name: p.name });
    for (const l of links) this.relate(l.type, l.from, l.to, () => [this.cite(sheet, n)]);
  }

  private relate(type: 'HOLDS' | 'USES', from: string, to: string, sources: () => string[]): void {
    const identity = `${type}|${from}|${to}`;
    if (this.related.has(identity)) return;
    this.related.add(identity);
    this.links.push({ type, from, to, key: '', owner: this.owner, sources: sources(), props: {} });
  }

  /** rowCitation(sha256, sheet, n), its part before the row number made once a sheet. */
  private cite(sheet: string, n: number): string {
    if (sheet !== this.citing.sheet) this.citing = { sheet, prefix: citationPrefix(this.sha256, sheet) };
    return this.citing.prefix + n;
  }

  /** The batch to write, and a fresh one begun. */
  take(): Batch {
    const batch: Batch = { nodes: [...this.nodes.values()], links: this.links, sources: this.sources };
    this.nodes.clear();
    this.cards.clear();
    this.links = [];
    this.sources = [];
    this.rows = 0;
    return batch;
  }

  // A card or phone is named on every row: once staged, a row only fills in what earlier rows lacked,
  // and makes no objects for it. A card is found by its number (`cards`: no id string made to look
  // it up), and its links name it by the staged node's own id string, so a million links name
  // their ends with the cards' few strings (kept once, their hashes computed once) rather than a
  // new string each.
  private card(number: string, holder: string, bank: string): string {
    let node = this.cards.get(number);
    if (node === undefined) {
      const id = cardId(number);
      this.cards.set(number, (node = this.nodes.get(id) ?? this.node(id, 'BankCard', { number })));
    }
    fill(node.props, 'holderName', holder);
    fill(node.props, 'bank', bank);
    return node.id;
  }

  private phone(e164: string, region: string): string {
    const id = phoneId(e164);
    const node = this.nodes.get(id) ?? this.node(id, 'Phone', { number: e164 });
    fill(node.props, 'homeRegion', region);
    return node.id;
  }

  /** The node `id`, staged once with `props`; `more` adds the non-empty values that earlier rows lacked. */
  private node(id: string, label: NodeInput['label'], props: Props, more: Record<string, string> = {}): NodeInput {
    let node = this.nodes.get(id);
    if (!node) this.nodes.set(id, (node = { id, label, owner: this.owner, props }));
    for (const k in more) fill(node.props, k, more[k]!);
    return node;
  }
}

/** Sets `props[key]` to a non-empty `value` when it has none yet. */
function fill(props: Props, key: string, value: string): void {
  if (value !== '' && props[key] === undefined) props[key] = value;
}
