import iconv from 'iconv-lite';

export type TextEncoding = 'utf8' | 'gb18030' | 'utf16le';

/**
 * Which encoding a text file is in, from its first bytes: a byte-order mark decides; otherwise
 * text that is valid UTF-8 is UTF-8 and anything else is read as GB18030, the superset of GBK
 * and GB2312 that Chinese banks' and carriers' systems write.
 */
export function detectEncoding(head: Uint8Array): TextEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf16le';
  return isUtf8(head) ? 'utf8' : 'gb18030';
}

const strict = new TextDecoder('utf-8', { fatal: true });

/** Valid UTF-8, allowing a multi-byte character cut off at the end of the sample. */
function isUtf8(bytes: Uint8Array): boolean {
  let end = bytes.length;
  // Back off over continuation bytes (10xxxxxx) and the lead byte they follow.
  for (let i = 0; i < 4 && end > 0 && (bytes[end - 1]! & 0xc0) === 0x80; i++) end--;
  if (end > 0 && bytes[end - 1]! >= 0xc0) end--;
  try {
    strict.decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/**
 * A streaming decoder: feed byte chunks, get text; characters split across chunks are kept
 * whole. The runtime's ICU decoder where it has GB18030 (half the CPU of iconv-lite's on a GBK
 * statement), iconv-lite where it has not (Node built with small ICU). A BOM is left in the text.
 */
export function textDecoder(encoding: TextEncoding): { write(chunk: Buffer): string; end(): string } {
  const label = encoding === 'utf8' ? 'utf-8' : encoding === 'utf16le' ? 'utf-16le' : 'gb18030';
  try {
    const icu = new TextDecoder(label, { ignoreBOM: true });
    return { write: (chunk) => icu.decode(chunk, { stream: true }), end: () => icu.decode() };
  } catch {
    const decoder = iconv.getDecoder(encoding, { stripBOM: false });
    return { write: (chunk) => decoder.write(chunk), end: () => decoder.end() ?? '' };
  }
}

/** Whether bytes start an XLSX (a ZIP archive) rather than text. */
export function isZip(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}
