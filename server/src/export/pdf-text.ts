/** Text for map.pdf: estimated widths (no per-string measurement) and runs set straight into the content stream. */

/** Estimated advance of a string in ems: CJK and full-width characters are one em, the rest about half. */
export const ems = (s: string) => {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! > 0x2e7f ? 1 : 0.56;
  return w;
};

/** Cuts text to fit `width` points at `size`, by the estimate: no per-string font measurement. */
export function fit(s: string, width: number, size: number): string {
  const flat = s.replace(/[\r\n\t]+/g, ' ');
  if (ems(flat) * size <= width) return flat;
  let out = '';
  let w = 0;
  for (const ch of flat) {
    const cw = ch.codePointAt(0)! > 0x2e7f ? 1 : 0.56;
    if ((w + cw + 1) * size > width) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

/** Splits text into lines of at most `width` points at `size`, by the estimate: every character kept. */
export function wrap(s: string, width: number, size: number): string[] {
  const lines: string[] = [];
  let line = '';
  let w = 0;
  for (const ch of s.replace(/[\r\n\t]+/g, ' ')) {
    const cw = ch.codePointAt(0)! > 0x2e7f ? 1 : 0.56;
    if (line && (w + cw) * size > width) {
      lines.push(line);
      line = '';
      w = 0;
    }
    line += ch;
    w += cw;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** The pdfkit internals the fast text writer uses (pdfkit 0.20's EmbeddedFont and page). */
interface PdfInternals {
  _font: {
    id: string;
    ascender: number;
    scale: number;
    ref(): unknown;
    font: { glyphForCodePoint(cp: number): { id: number; advanceWidth: number } };
    subset: { includeGlyph(id: number): number };
    widths: number[];
    unicode: number[][];
  };
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string): void;
}

const num = (n: number) => String(Math.round(n * 100) / 100);

/** Per document (a subset numbers its glyphs its own way): each character's glyph as the hex the content stream writes. */
const glyphHex = new WeakMap<object, Map<number, string>>();

/**
 * Sets many runs of text in one BT…ET block of the page's content stream, each with its
 * top-left at (x, y) in page coordinates, like doc.text. pdfkit's own text() shapes every
 * string with fontkit (GSUB and GPOS over this CJK font) twice and opens a text object per
 * call: for the thousands of cells and captions of a large export that was most of the PDF's
 * time. Here each character maps to its glyph through the font's cmap, once per document (no
 * kerning or ligatures, which Chinese and these tables do not need), and is recorded in the
 * font's subset, widths and ToUnicode map exactly as pdfkit records it, so text extraction
 * (pdftotext) reads it back.
 */
export function textRuns(doc: PDFKit.PDFDocument, size: number, runs: { text: string; x: number; y: number }[]): void {
  const d = doc as unknown as PdfInternals;
  const font = d._font;
  let hexOf = glyphHex.get(font);
  if (!hexOf) glyphHex.set(font, (hexOf = new Map()));
  if (d.page.fonts[font.id] == null) d.page.fonts[font.id] = font.ref();
  const h = d.page.height;
  const dy = (font.ascender / 1000) * size;
  const ops: string[] = [];
  for (const run of runs) {
    if (!run.text) continue;
    let hex = '';
    for (const ch of run.text) {
      const cp = ch.codePointAt(0)!;
      let g = hexOf.get(cp);
      if (g === undefined) {
        const glyph = font.font.glyphForCodePoint(cp);
        const gid = font.subset.includeGlyph(glyph.id);
        font.widths[gid] ??= glyph.advanceWidth * font.scale;
        font.unicode[gid] ??= [cp];
        g = `0000${gid.toString(16)}`.slice(-4);
        hexOf.set(cp, g);
      }
      hex += g;
    }
    ops.push(`1 0 0 1 ${num(run.x)} ${num(h - run.y - dy)} Tm <${hex}> Tj`);
  }
  if (ops.length === 0) return;
  doc.save();
  doc.transform(1, 0, 0, -1, 0, h);
  d.addContent(`BT\n/${font.id} ${num(size)} Tf\n${ops.join('\n')}\nET`);
  doc.restore();
}
