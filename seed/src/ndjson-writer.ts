import { closeSync, openSync, writeSync } from 'node:fs';

const CHUNK = 4 << 20;

/** Node's unchecked UTF-8 encoder behind Buffer#write, skipping argument checks done per call. */
type Utf8Writer = { utf8Write?: (s: string, offset: number) => number };

/**
 * Buffered synchronous NDJSON output. Each line is encoded straight into a reusable 4 MiB buffer
 * (no growing string to flatten), which is written out synchronously when full: the generator
 * stays a plain loop with no back-pressure plumbing, as fast as a stream for a file or /dev/null.
 */
export class NdjsonWriter {
  private readonly fd: number;
  private readonly own: boolean;
  private readonly buf = Buffer.allocUnsafe(CHUNK);
  private readonly encode: (s: string, offset: number) => number;
  private used = 0;
  bytes = 0;
  lines = 0;

  constructor(path: string) {
    this.own = path !== '-';
    this.fd = this.own ? openSync(path, 'w') : 1;
    const fast = (this.buf as unknown as Utf8Writer).utf8Write;
    this.encode = fast ? fast.bind(this.buf) : (s, offset) => this.buf.write(s, offset, 'utf8');
  }

  write(record: unknown): void {
    this.writeLine(JSON.stringify(record));
  }

  /** Writes one already serialised line (without its newline). */
  writeLine(s: string): void {
    this.lines++;
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    if (this.used + s.length * 3 + 1 > CHUNK) {
      this.flush();
      if (s.length * 3 + 1 > CHUNK) {
        this.writeAll(Buffer.from(s + '\n', 'utf8'));
        return;
      }
    }
    this.used += this.encode(s, this.used);
    this.buf[this.used++] = 10;
  }

  /** Writes bytes that already hold whole lines (another thread's share). */
  writeBytes(b: Uint8Array, lines: number): void {
    this.lines += lines;
    if (b.length === 0) return;
    // Large shares go out as they are, without a copy.
    if (b.length > CHUNK / 4) {
      this.flush();
      this.writeAll(Buffer.from(b.buffer, b.byteOffset, b.length));
      return;
    }
    if (this.used + b.length > CHUNK) this.flush();
    this.buf.set(b, this.used);
    this.used += b.length;
  }

  flush(): void {
    if (this.used === 0) return;
    this.writeAll(this.buf.subarray(0, this.used));
    this.used = 0;
  }

  private writeAll(b: Buffer): void {
    let off = 0;
    while (off < b.length) off += writeSync(this.fd, b, off, b.length - off);
    this.bytes += b.length;
  }

  close(): void {
    this.flush();
    if (this.own) closeSync(this.fd);
  }
}

/** Lines collected in memory (a worker's share of the output), handed over as one buffer. */
export class MemoryLines {
  private buf: Buffer;
  private used = 0;
  lines = 0;

  constructor(private readonly initial = 1 << 20) {
    this.buf = Buffer.allocUnsafeSlow(initial);
  }

  /** Bytes written so far. */
  get size(): number {
    return this.used;
  }

  writeLine(s: string): void {
    this.lines++;
    const need = this.used + s.length * 3 + 1;
    if (need > this.buf.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(need, this.buf.length * 2));
      this.buf.copy(bigger, 0, 0, this.used);
      this.buf = bigger;
    }
    this.used += this.buf.write(s, this.used, 'utf8');
    this.buf[this.used++] = 10;
  }

  /** The bytes so far; the collector starts over with a fresh buffer. */
  take(): Uint8Array {
    const out = new Uint8Array(this.buf.buffer, this.buf.byteOffset, this.used);
    this.buf = Buffer.allocUnsafeSlow(this.initial);
    this.used = 0;
    this.lines = 0;
    return out;
  }
}
