import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * Buffered synchronous NDJSON output. Synchronous writes of ~1 MiB chunks keep the generator a
 * plain loop (no back-pressure plumbing) and are as fast as a stream for a file or /dev/null.
 */
export class NdjsonWriter {
  private readonly fd: number;
  private buf = '';
  private readonly own: boolean;
  bytes = 0;
  lines = 0;

  constructor(path: string) {
    this.own = path !== '-';
    this.fd = this.own ? openSync(path, 'w') : 1;
  }

  write(record: unknown): void {
    this.buf += JSON.stringify(record) + '\n';
    this.lines++;
    if (this.buf.length > 1 << 20) this.flush();
  }

  flush(): void {
    if (this.buf.length === 0) return;
    const b = Buffer.from(this.buf, 'utf8');
    let off = 0;
    while (off < b.length) off += writeSync(this.fd, b, off, b.length - off);
    this.bytes += b.length;
    this.buf = '';
  }

  close(): void {
    this.flush();
    if (this.own) closeSync(this.fd);
  }
}
