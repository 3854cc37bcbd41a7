/**
 * Times are whole seconds counted from 2024-01-01T00:00:00 Shanghai time (the year the city
 * scale describes) and printed as ISO 8601 with the +08:00 offset. Formatting caches one string per
 * day so that writing millions of timestamps stays cheap.
 */

export const MINUTE = 60;
export const HOUR = 3600;
export const DAY = 86400;
/** 2024-01-01T00:00:00+08:00 in Unix milliseconds. */
const EPOCH_MS = Date.UTC(2024, 0, 1) - 8 * HOUR * 1000;

/** Day strings for 2022–2026 by day index + OFFSET; other days are formatted on the fly. */
const OFFSET = 800;
const dayCache: string[] = [];

function dayString(day: number): string {
  const i = day + OFFSET;
  const hit = dayCache[i];
  if (hit !== undefined) return hit;
  const s = new Date(Date.UTC(2024, 0, 1) + day * DAY * 1000).toISOString().slice(0, 10);
  if (i >= 0 && i < 2 * OFFSET + 1000) dayCache[i] = s;
  return s;
}

const TWO = Array.from({ length: 60 }, (_, i) => (i < 10 ? `0${i}` : `${i}`));

/** `2024-07-30T14:05:09+08:00` for a second count from the epoch above. */
export function iso(sec: number): string {
  const s = Math.floor(sec);
  const day = Math.floor(s / DAY);
  let r = s - day * DAY;
  const h = Math.floor(r / HOUR);
  r -= h * HOUR;
  const m = Math.floor(r / MINUTE);
  return `${dayString(day)}T${TWO[h]}:${TWO[m]}:${TWO[r - m * MINUTE]}+08:00`;
}

/** `20240730` for a second count. */
export function yyyymmdd(sec: number): string {
  return dayString(Math.floor(sec / DAY)).replaceAll('-', '');
}

/** Seconds for a local Shanghai wall-clock time, for the scripted demo stories. */
export function at(date: string, clock = '00:00:00'): number {
  const ms = Date.parse(`${date}T${clock}+08:00`);
  if (Number.isNaN(ms)) throw new Error(`bad demo time ${date} ${clock}`);
  return Math.round((ms - EPOCH_MS) / 1000);
}

/** Day of year (0-based) to seconds. */
export function dayToSec(day: number): number {
  return day * DAY;
}

export { EPOCH_MS };
