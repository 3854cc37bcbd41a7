import { STORE_LIMITS } from '../store/graph-store';

/**
 * Every size a client controls, clamped here at the API edge (never rejected: a request for
 * 10,000 gets 500) and quoted in the schema's descriptions, so the two cannot disagree.
 */
export const API_LIMITS = {
  searchLimit: { max: 100, fallback: 20 },
  nodeIds: { max: 500 },
  hops: { max: STORE_LIMITS.maxHops, fallback: 1 },
  limit: { max: 500, fallback: 200 },
  pathHops: { max: STORE_LIMITS.maxPathHops, fallback: 6 },
  paths: { max: STORE_LIMITS.maxPaths, fallback: 5 },
  trailDepth: { max: STORE_LIMITS.maxTransferDepth, fallback: 4 },
  textLength: { max: 200 },
  /** Cases one page of a report figure's drill-down holds, and how far one may page. */
  cases: { max: 200, fallback: 50 },
  caseOffset: { max: 1_000_000 },
  /** Entries of an early-warning list, highest risk first. */
  warnings: { max: 500, fallback: 100 },
  /** Case series one page holds, largest first. */
  series: { max: 200, fallback: 50 },
  /** Saved investigations one list answer holds, newest first. */
  investigations: { max: 100, fallback: 50 },
  /** Bytes of NDJSON one importBundle call may carry. */
  bundleBytes: { max: 20 * 1024 * 1024 },
  /** Bytes of one statement or call-record file uploaded for preview or import (larger ones: npm run import-sheet). */
  sheetBytes: { max: 64 * 1024 * 1024 },
  /** Rows a sheet preview shows. */
  previewRows: { max: 200, fallback: 20 },
  /** Query cost, depth, aliases and tokens (GraphQL Armor); never disclosed in errors. */
  depth: 12,
  aliases: 30,
  tokens: 2000,
  cost: 20000,
  directives: 20,
} as const;

/** An integer within 1..max, or the fallback when absent. */
export function clamp(value: number | null | undefined, max: number, fallback = max): number {
  if (value === null || value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(Math.max(Math.trunc(value), 1), max);
}
