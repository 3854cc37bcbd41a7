import { describe, expect, it } from 'vitest';
import { IdIndex } from './id-index';

describe('IdIndex', () => {
  it('numbers ids in order and finds each again, through growth and rehashing, Chinese included', () => {
    const index = new IdIndex();
    const ids = Array.from({ length: 5000 }, (_, i) => (i % 3 === 0 ? `person:王${i}` : `phone:+86139${String(i).padStart(8, '0')}`));
    ids.forEach((id, i) => expect(index.add(id)).toBe(i));
    expect(index.size).toBe(5000);
    expect(ids.map((id) => index.get(id))).toEqual(ids.map((_, i) => i));
    expect(ids.map((_, i) => index.id(i))).toEqual(ids);
    expect(index.get('phone:+8613900005000')).toBeUndefined();
    expect(index.get('person:王')).toBeUndefined();
  });

  it('indexes ids straight from a byte range', () => {
    const index = new IdIndex();
    const buf = Buffer.from('x,case:7,y');
    expect(index.addBytes(buf, 2, 8)).toBe(0);
    expect(index.get('case:7')).toBe(0);
    expect(index.id(0)).toBe('case:7');
  });
});
