/**
 * Node ids and their numbers without a JavaScript object per id: the UTF-8 bytes of every id in
 * one buffer and an open-addressing hash table in a typed array. A million ids as strings in a
 * Map cost the garbage collector tens of milliseconds on each full collection; here they cost
 * it nothing.
 */
export class IdIndex {
  private bytes = Buffer.alloc(1 << 16);
  private used = 0;
  private starts = new Uint32Array(1024);
  private count = 0;
  /** Slot → id number + 1; 0 is empty. Kept at most half full. */
  private slots = new Int32Array(2048);

  get size(): number {
    return this.count;
  }

  /** The number of `id`, if indexed. */
  get(id: string): number | undefined {
    const key = Buffer.from(id, 'utf8');
    const found = this.find(key, 0, key.length, hash(key, 0, key.length));
    return found < 0 ? undefined : found;
  }

  /** Indexes the id in `src[start, end)` as the next number, which it returns; the id must be new. */
  addBytes(src: Uint8Array, start: number, end: number): number {
    const length = end - start;
    if (this.used + length > this.bytes.length) {
      const next = Buffer.alloc(Math.max(this.bytes.length * 2, this.used + length));
      this.bytes.copy(next, 0, 0, this.used);
      this.bytes = next;
    }
    if (this.count + 2 > this.starts.length) {
      const next = new Uint32Array(this.starts.length * 2);
      next.set(this.starts);
      this.starts = next;
    }
    this.bytes.set(src.subarray(start, end), this.used);
    const n = this.count++;
    this.starts[n] = this.used;
    this.used += length;
    this.starts[n + 1] = this.used;
    if (this.count * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(n, hash(src, start, end));
    return n;
  }

  add(id: string): number {
    const key = Buffer.from(id, 'utf8');
    return this.addBytes(key, 0, key.length);
  }

  id(n: number): string {
    return this.bytes.toString('utf8', this.starts[n]!, this.starts[n + 1]!);
  }

  private find(key: Uint8Array, start: number, end: number, h: number): number {
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const entry = this.slots[s]!;
      if (entry === 0) return -1;
      const n = entry - 1;
      const at = this.starts[n]!;
      if (this.starts[n + 1]! - at !== length) continue;
      let same = true;
      for (let i = 0; i < length; i++) {
        if (this.bytes[at + i] !== key[start + i]) {
          same = false;
          break;
        }
      }
      if (same) return n;
    }
  }

  private place(n: number, h: number): void {
    const mask = this.slots.length - 1;
    let s = h & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = n + 1;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let n = 0; n < this.count; n++) this.place(n, hash(this.bytes, this.starts[n]!, this.starts[n + 1]!));
  }
}

/** FNV-1a over bytes. */
function hash(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}
