/** The slice of fontkit (pdfkit's own font engine, installed with it) the PNG writer uses to outline text. */
declare module 'fontkit' {
  export interface Glyph {
    id: number;
    advanceWidth: number;
    path: { toSVG(): string };
  }
  export interface Font {
    unitsPerEm: number;
    glyphsForString(text: string): Glyph[];
  }
  export function create(buffer: Buffer): Font;
}
