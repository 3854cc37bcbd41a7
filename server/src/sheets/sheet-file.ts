import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Readable, Transform } from 'node:stream';

/** A statement or call-record file, readable as many times as an import needs (a check pass, a write pass). */
export interface SheetFile {
  /** The name the investigator gave it: the Source's reference and the CSV's sheet name. */
  name: string;
  size: number;
  /** A fresh stream of its bytes. */
  open(): Readable;
}

export function fileOnDisk(path: string): SheetFile {
  return { name: basename(path), size: statSync(path).size, open: () => createReadStream(path, { highWaterMark: 1 << 20 }) };
}

export function fileInMemory(name: string, bytes: Uint8Array): SheetFile {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const CHUNK = 1 << 20;
  return {
    name,
    size: buffer.length,
    open: () => Readable.from((function* () { for (let i = 0; i < buffer.length; i += CHUNK) yield buffer.subarray(i, i + CHUNK); })(), { objectMode: false }),
  };
}

/** Passes bytes through, counting them and hashing them as they go. */
export function metered(onBytes?: (bytes: number) => void): Transform & { bytes: () => number; sha256: () => string } {
  const hash = createHash('sha256');
  let bytes = 0;
  const t = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      onBytes?.(bytes);
      done(null, chunk);
    },
  });
  let digest: string | undefined;
  return Object.assign(t, { bytes: () => bytes, sha256: () => (digest ??= hash.digest('hex')) });
}

/** The SHA-256 of a file's bytes, as the Source records it. */
export async function sha256Of(file: SheetFile): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of file.open()) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The first `n` bytes of a file (fewer if it is shorter). */
export async function headOf(file: SheetFile, n = 64 * 1024): Promise<Buffer> {
  const parts: Buffer[] = [];
  let got = 0;
  const stream = file.open();
  for await (const chunk of stream) {
    parts.push(chunk as Buffer);
    got += (chunk as Buffer).length;
    if (got >= n) break;
  }
  stream.destroy();
  return Buffer.concat(parts).subarray(0, n);
}
