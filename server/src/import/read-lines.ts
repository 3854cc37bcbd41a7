import { createReadStream } from 'node:fs';

/**
 * The lines of a file, streamed a chunk at a time (CRLF or LF); `onBytes` hears how far reading
 * has got. Splits chunks itself: node:readline, a line at a time, cost more than parsing them.
 */
export async function* readLines(file: string, onBytes?: (bytes: number) => void): AsyncGenerator<string[]> {
  let bytes = 0;
  let rest = '';
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20, encoding: 'utf8' })) {
    const text = rest + (chunk as string);
    bytes += Buffer.byteLength(chunk as string);
    onBytes?.(bytes);
    const lines: string[] = [];
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      lines.push(text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end));
      start = end + 1;
    }
    rest = text.slice(start);
    yield lines;
  }
  if (rest.length > 0) yield [rest.endsWith('\r') ? rest.slice(0, -1) : rest];
}
