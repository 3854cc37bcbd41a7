import type { Label, LinkType } from '../domain/model';
import type { PropValue, SourceRecord } from '../domain/types';

/**
 * What every file of an evidence package is drawn from: the investigation's chart as it stood
 * at `asOf`, already filtered to what the exporting viewer may see and masked for their role.
 * Every writer is a pure function of this object, and everything in it is sorted, so two
 * exports of one investigation as of one time give the same bytes.
 */
export interface EvidenceGraph {
  investigation: { id: string | null; name: string };
  /** The time the data is exported as of (ISO, UTC): records created later are left out. */
  asOf: string;
  /** Sorted by id. */
  nodes: EvidenceNode[];
  /** Sorted by id. */
  links: EvidenceLink[];
  /** Every source a link cites that the viewer may see, by id. */
  sources: ReadonlyMap<string, EvidenceSource>;
  /** The labels and link types present, sorted: what the legend explains. */
  labels: Label[];
  linkTypes: LinkType[];
}

export interface EvidenceNode {
  id: string;
  label: Label;
  /** What the chart writes under the node: the label's caption property (masked like it), or the id. */
  caption: string;
  owners: string[];
  createdAt: string;
  updatedAt: string;
  /** Model properties with a value, masked where the role may not see them. */
  props: Record<string, PropValue>;
  /** Names of the properties masked in `props`. */
  masked: string[];
  /** Where the canvas placed it. */
  x: number;
  y: number;
}

export interface EvidenceLink {
  /** type:from:to:key, as the API and the canvas name it. */
  id: string;
  type: LinkType;
  from: string;
  to: string;
  key: string;
  owner: string;
  owners: string[];
  createdAt: string;
  createdBy: string;
  props: Record<string, PropValue>;
  /** The ids it cites that the viewer may see, sorted. Empty: an unsupported link. */
  sources: string[];
}

/** A source as the package cites it: the stored record itself. */
export type EvidenceSource = SourceRecord;

/** The time a link is placed at (transfer, call, contact, membership), or null. */
export function linkTime(link: EvidenceLink): string | null {
  const at = link.props.at ?? link.props.since;
  return typeof at === 'string' ? at : null;
}

export function linkAmount(link: EvidenceLink): number | null {
  return typeof link.props.amount === 'number' ? link.props.amount : null;
}

/** An ISO instant in Shanghai local time (UTC+8, no daylight saving), to the second, without an offset: as i2 and the PDF's tables write it. */
export function shanghaiLocal(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms + 8 * 3600_000).toISOString().slice(0, 19);
}

/** Fen as yuan with two decimals, exact for any safe integer. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export const unsupportedLinks = (graph: EvidenceGraph) => graph.links.filter((l) => l.sources.length === 0);
