import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { driverParams, plain } from './values';

describe('Neo4j parameters', () => {
  it('sends safe integers as the driver’s Integer, nested in lists and maps, and leaves the rest', () => {
    const sent = driverParams({ limit: 20, rows: [{ loss: 9_800_000_00, at: '2024-08-21T02:05:00.000Z', ok: true, ratio: 0.5 }], ids: ['a'], none: null }) as Record<string, unknown>;
    expect(neo4j.isInt(sent.limit)).toBe(true);
    expect((sent.limit as ReturnType<typeof neo4j.int>).toNumber()).toBe(20);
    const row = (sent.rows as Record<string, unknown>[])[0]!;
    expect(neo4j.isInt(row.loss)).toBe(true);
    expect(row).toMatchObject({ at: '2024-08-21T02:05:00.000Z', ok: true, ratio: 0.5 });
    expect(sent.ids).toEqual(['a']);
    expect(sent.none).toBeNull();
    expect(driverParams(2 ** 60)).toBe(2 ** 60);
  });

  it('reads the Integers it sent back as the same numbers', () => {
    expect(plain(driverParams({ loss: 98_000_000, list: [1, 2] }))).toEqual({ loss: 98_000_000, list: [1, 2] });
  });
});
