import type { Batch, LinkInput, NodeInput, Props, SourceRecord } from '../domain/types';
import type { ReadRow } from './rows';

/** The Source a sheet file becomes: its id is the file's SHA-256, so the same file is one Source. */
export function sheetSourceId(sha256: string): string {
  return `src:sheet:${sha256}`;
}

/** A row citation, what a link's `sources` holds: the file's Source, the sheet and the row. */
export function rowCitation(sha256: string, sheet: string, row: number): string {
  return `${sheetSourceId(sha256)}#${sheet}!${row}`;
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

export const cardId = (number: string) => `card:${number}`;
export const phoneId = (e164: string) => `phone:${e164}`;

/**
 * Rows of one import gathered into one batch: each card or phone once (later rows add
 * properties earlier ones lacked), one link per row. A transfer runs from payer to payee
 * whichever statement it was read from, keyed by its transaction id, so the payer's and the
 * payee's statements give one link; a call runs from caller to callee keyed by its start time.
 */
export class SheetBatch {
  private readonly nodes = new Map<string, NodeInput>();
  private links: LinkInput[] = [];
  private sources: SourceRecord[] = [];
  rows = 0;

  constructor(
    private readonly owner: string,
    private readonly sha256: string,
  ) {}

  get size(): number {
    return this.links.length;
  }

  addSource(source: SourceRecord): void {
    this.sources.push(source);
  }

  /** The node a row names even when it makes no link (the statement's own card). */
  addOwn(row: ReadRow): void {
    if (row.kind === 'transfer') this.card(row.own, row.ownHolder, '');
    else this.phone(row.own, '');
  }

  add(row: ReadRow, sheet: string, n: number): void {
    this.rows++;
    const sources = [rowCitation(this.sha256, sheet, n)];
    if (row.kind === 'transfer') {
      const own = this.card(row.own, row.ownHolder, '');
      const counter = this.card(row.counter!, row.counterName, row.counterBank);
      const [from, to] = row.way === 'out' ? [own, counter] : [counter, own];
      const props: Props = { amount: row.fen, at: row.at };
      if (row.txId !== '') props.txId = row.txId;
      // Without a transaction id, what both statements agree on names the transfer.
      const key = row.txId !== '' ? row.txId : `~${row.at}~${row.fen}`;
      this.links.push({ type: 'TRANSFERRED', from, to, key, owner: this.owner, sources, props });
    } else {
      const own = this.phone(row.own, '');
      const other = this.phone(row.other, row.otherRegion);
      const [from, to] = row.way === 'out' ? [own, other] : [other, own];
      this.links.push({ type: 'CALLED', from, to, key: row.at, owner: this.owner, sources, props: { at: row.at, seconds: row.seconds } });
    }
  }

  /** The batch to write, and a fresh one begun. */
  take(): Batch {
    const batch: Batch = { nodes: [...this.nodes.values()], links: this.links, sources: this.sources };
    this.nodes.clear();
    this.links = [];
    this.sources = [];
    this.rows = 0;
    return batch;
  }

  private card(number: string, holder: string, bank: string): string {
    const id = cardId(number);
    let node = this.nodes.get(id);
    if (!node) {
      node = { id, label: 'BankCard', owner: this.owner, props: { number } };
      this.nodes.set(id, node);
    }
    if (holder !== '' && node.props.holderName === undefined) node.props.holderName = holder;
    if (bank !== '' && node.props.bank === undefined) node.props.bank = bank;
    return id;
  }

  private phone(e164: string, region: string): string {
    const id = phoneId(e164);
    let node = this.nodes.get(id);
    if (!node) {
      node = { id, label: 'Phone', owner: this.owner, props: { number: e164 } };
      this.nodes.set(id, node);
    }
    if (region !== '' && node.props.homeRegion === undefined) node.props.homeRegion = region;
    return id;
  }
}
