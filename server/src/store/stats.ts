import type { Label, LinkType } from '../domain/model';
import type { Stats, StatsBucket } from '../domain/types';
import { num } from './mapping';
import type { Row } from './runner';

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** The month a UTC hour (`2026-01-31T20`) falls in, in Asia/Shanghai (`2026-02`). */
export function shanghaiMonth(utcHour: string): string {
  const ms = Date.parse(`${utcHour}:00:00Z`);
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 7);
}

function add(buckets: Map<string, StatsBucket>, key: string, row: Row): void {
  const b = buckets.get(key) ?? { key, cases: 0, loss: 0, stopped: 0, returned: 0 };
  b.cases += num(row.cases);
  b.loss += num(row.loss);
  b.stopped += num(row.stopped);
  b.returned += num(row.returned);
  buckets.set(key, b);
}

const sorted = (m: Map<string, StatsBucket>) => [...m.values()].sort((a, b) => a.key.localeCompare(b.key));

/** Rolls the per-group rows of stats-cases up into the buckets the API shows. */
export function statsFromRows(input: { cases: Row[]; nodes: Row[]; links: Row[]; sources: number; suspects?: Row; frozen?: Row }): Stats {
  const dims = ['category', 'channel', 'province', 'status', 'month'] as const;
  const buckets = Object.fromEntries(dims.map((d) => [d, new Map<string, StatsBucket>()])) as Record<
    (typeof dims)[number],
    Map<string, StatsBucket>
  >;
  const total = new Map<string, StatsBucket>();
  for (const row of input.cases) {
    add(total, 'all', row);
    add(buckets.category, String(row.category ?? 'UNKNOWN'), row);
    add(buckets.channel, String(row.channel ?? 'UNKNOWN'), row);
    add(buckets.province, String(row.province ?? 'UNKNOWN'), row);
    add(buckets.status, String(row.status ?? 'UNKNOWN'), row);
    add(buckets.month, row.hour ? shanghaiMonth(String(row.hour)) : 'UNKNOWN', row);
  }
  const nodes: Partial<Record<Label, number>> = {};
  for (const r of input.nodes) nodes[r.label as Label] = num(r.count);
  const links: Partial<Record<LinkType, number>> = {};
  for (const r of input.links) links[r.type as LinkType] = (links[r.type as LinkType] ?? 0) + num(r.count);
  return {
    totals: { nodes, links, sources: input.sources },
    cases: total.get('all') ?? { key: 'all', cases: 0, loss: 0, stopped: 0, returned: 0 },
    suspects: num(input.suspects?.count),
    frozen: { cards: num(input.frozen?.count), amount: num(input.frozen?.amount) },
    byCategory: sorted(buckets.category),
    byChannel: sorted(buckets.channel),
    byProvince: sorted(buckets.province),
    byStatus: sorted(buckets.status),
    byMonth: sorted(buckets.month),
  };
}
