import { renderAsync } from '@resvg/resvg-js';
import { create, type Font } from 'fontkit';
import type { Chart } from './chart';
import type { EvidenceGraph } from './evidence';
import { cjkFont } from './font';
import { toSvg, type TextWriter } from './svg';

/** Longest side of map.png in pixels, and most pixels: sharp enough to read a caption, cheap enough to render in a second or two. */
export const PNG_MAX_SIDE = 4000;
export const PNG_MAX_PIXELS = 8_000_000;

let font: Font | undefined;

/**
 * Text as glyph outlines: each glyph used is defined once and placed with <use>. resvg shapes
 * <text> with this 8 MB CFF font at about 100 ms a text element (measured: 400 captions took
 * 38 s), while outlines cost it nothing more than any other path.
 */
function outlinedText(): { text: TextWriter; defs: () => string } {
  font ??= create(cjkFont());
  const f = font;
  const glyphs = new Map<number, string>();
  const em = f.unitsPerEm;
  const text: TextWriter = (s, x, y, size, anchor) => {
    const run = f.glyphsForString(s);
    const width = run.reduce((w, g) => w + g.advanceWidth, 0);
    let pen = anchor === 'middle' ? -width / 2 : 0;
    const uses: string[] = [];
    for (const g of run) {
      if (!glyphs.has(g.id)) glyphs.set(g.id, g.path.toSVG());
      if (glyphs.get(g.id)) uses.push(`<use xlink:href="#g${g.id}" x="${Math.round(pen)}"/>`);
      pen += g.advanceWidth;
    }
    const k = Math.round((size / em) * 1e5) / 1e5;
    return `<g transform="translate(${x} ${y}) scale(${k} ${-k})">${uses.join('')}</g>`;
  };
  const defs = () => [...glyphs].filter(([, d]) => d).sort(([a], [b]) => a - b).map(([id, d]) => `<path id="g${id}" d="${d}"/>`).join('');
  return { text, defs };
}

/**
 * map.png: the chart as map.svg draws it, its text as glyph outlines of the embedded CJK font,
 * rasterised by resvg at up to one pixel per chart unit (the canvas at 100 %) (within PNG_MAX_SIDE and
 * PNG_MAX_PIXELS), with no system fonts (they differ between machines, and the same export
 * must give the same bytes everywhere). resvg rasterises on a thread of its own, so the PDF is
 * drawn meanwhile.
 */
export async function toPng(chart: Chart, graph: EvidenceGraph): Promise<{ png: Buffer; width: number }> {
  const outlined = outlinedText();
  const svg = toSvg(chart, graph, outlined);
  const width = Number(/width="([\d.]+)"/.exec(svg)![1]);
  const height = Number(/height="([\d.]+)"/.exec(svg)![1]);
  const scale = Math.min(1, PNG_MAX_SIDE / Math.max(width, height, 1), Math.sqrt(PNG_MAX_PIXELS / Math.max(width * height, 1)));
  const image = await renderAsync(svg, {
    fitTo: { mode: 'width', value: Math.max(1, Math.round(width * scale)) },
    font: { loadSystemFonts: false },
    background: '#ffffff',
  });
  return { png: image.asPng(), width: image.width };
}
