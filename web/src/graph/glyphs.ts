/**
 * Icons drawn inside nodes and the badges on their corner, as SVG data URIs: Cytoscape draws them
 * as background images, they print in black and white, and they need no icon font (a headless
 * server or a police workstation may have none).
 */
import type { GangLayer, Label } from '../../../server/src/domain/model';

const INK = '#1f2937';

function svg(body: string, size = 24): string {
  const doc = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size * 4}" height="${size * 4}" fill="none" stroke="${INK}" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;
  return `data:image/svg+xml;utf8,${encodeURIComponent(doc)}`;
}

/** One icon per label. */
export const LABEL_GLYPHS: Record<Label, string> = {
  Person: svg('<circle cx="12" cy="8" r="4"/><path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7"/>'),
  Case: svg('<path d="M4 5h6l2 2h8v12H4z"/><path d="M8 12h8M8 15.5h6"/>'),
  BankCard: svg('<rect x="2.5" y="5.5" width="19" height="13" rx="2"/><path d="M2.5 9.5h19M6 15h4"/>'),
  Phone: svg('<rect x="7" y="2.5" width="10" height="19" rx="2"/><path d="M11 18.5h2"/>'),
  OnlineAccount: svg('<path d="M4 5h16v10H10l-4 4v-4H4z"/><path d="M8 10h.01M12 10h.01M16 10h.01"/>'),
  Device: svg('<rect x="6" y="6" width="12" height="12" rx="1"/><path d="M9 2v4M15 2v4M9 18v4M15 18v4M2 9h4M2 15h4M18 9h4M18 15h4"/>'),
  Gang: svg('<circle cx="12" cy="7" r="3"/><circle cx="5.5" cy="10" r="2.5"/><circle cx="18.5" cy="10" r="2.5"/><path d="M7 20c0-3 2.2-5 5-5s5 2 5 5M1.5 19c0-2.2 1.6-4 4-4M22.5 19c0-2.2-1.6-4-4-4"/>'),
  Agency: svg('<path d="M12 2.5l8 3v6c0 5-3.5 8.5-8 10-4.5-1.5-8-5-8-10v-6z"/><path d="M8.5 12l2.5 2.5 4.5-5"/>'),
};

function badge(inner: string, hollow = false): string {
  const ring = hollow ? '<circle cx="12" cy="12" r="10.5" fill="#ffffff" stroke-dasharray="3 2.5"/>' : '<circle cx="12" cy="12" r="10.5" fill="#ffffff"/>';
  return svg(ring + inner);
}

const LAYER_MARKS: Record<GangLayer, string> = {
  // a star: management
  MANAGEMENT: '<path d="M12 5l2.1 4.3 4.7.7-3.4 3.3.8 4.7-4.2-2.2-4.2 2.2.8-4.7-3.4-3.3 4.7-.7z" fill="' + INK + '"/>',
  // angle brackets: technical
  TECH: '<path d="M9 8l-4 4 4 4M15 8l4 4-4 4"/>',
  // a parcel: logistics
  LOGISTICS: '<path d="M6 9l6-3 6 3v6l-6 3-6-3z M6 9l6 3 6-3M12 12v6"/>',
  // a headset: callers
  CALLER: '<path d="M6 14v-2a6 6 0 0 1 12 0v2"/><rect x="5" y="13" width="3" height="4" rx="1" fill="' + INK + '"/><rect x="16" y="13" width="3" height="4" rx="1" fill="' + INK + '"/>',
  // a yuan sign: money
  MONEY: '<path d="M8 6l4 5 4-5M12 11v7M8.5 12.5h7M8.5 15.5h7"/>',
};

/** The layer's badge; hollow (dashed ring) when the layer was inferred. */
export const LAYER_BADGES: Record<GangLayer, string> = Object.fromEntries(Object.entries(LAYER_MARKS).map(([l, m]) => [l, badge(m)])) as Record<GangLayer, string>;
export const INFERRED_LAYER_BADGES: Record<GangLayer, string> = Object.fromEntries(Object.entries(LAYER_MARKS).map(([l, m]) => [l, badge(m, true)])) as Record<GangLayer, string>;

/** A padlock: a frozen card. */
export const FROZEN_BADGE = badge('<rect x="7" y="11" width="10" height="7" rx="1" fill="' + INK + '"/><path d="M9 11V8.5a3 3 0 0 1 6 0V11"/>');
/** An exclamation mark: a suspect. */
export const SUSPECT_BADGE = badge('<path d="M12 6v7" stroke-width="2.6"/><circle cx="12" cy="17" r="1.4" fill="' + INK + '"/>');
/** A lifebuoy-like ring: a victim. */
export const VICTIM_BADGE = badge('<circle cx="12" cy="12" r="5"/><circle cx="12" cy="12" r="2" fill="' + INK + '"/>');

/** Every icon and badge the stylesheet may draw. */
export const ALL_GLYPHS: readonly string[] = [
  ...Object.values(LABEL_GLYPHS),
  ...Object.values(LAYER_BADGES),
  ...Object.values(INFERRED_LAYER_BADGES),
  FROZEN_BADGE,
  SUSPECT_BADGE,
  VICTIM_BADGE,
];

/**
 * The icons as PNG bitmaps, keyed by their SVG URIs, for `buildStylesheet({ images })`: each a
 * short `blob:` URL of a PNG drawn once here.
 *
 * - PNG, not SVG: Chromium re-rasterises an SVG image on every drawImage; measured in headless
 *   Chromium with a software canvas, 4,000 icon draws took 6.3 s from SVG and 0.25 s from PNG,
 *   and Cytoscape draws the icon again for every node texture it caches (at each zoom level).
 * - A blob URL, not a data URI: Cytoscape hashes every style string of every element, character
 *   by character, whenever it styles the element (`updateStyleHints`); a PNG data URI is
 *   thousands of characters, and hashing two of them per person was most of the cost of styling
 *   2,000 new elements.
 *
 * Browser only: elsewhere (node, tests) it resolves to an empty map and the SVGs stay. The
 * exports (PNG, SVG) draw the same bitmaps.
 */
export async function rasterizeGlyphs(size = 96): Promise<Record<string, string>> {
  if (typeof document === 'undefined' || typeof Image === 'undefined' || typeof URL.createObjectURL !== 'function') return {};
  const out: Record<string, string> = {};
  await Promise.all(
    ALL_GLYPHS.map(
      (uri) =>
        new Promise<void>((resolve) => {
          const img = new Image();
          img.onload = () => {
            const canvas = document.createElement('canvas');
            canvas.width = canvas.height = size;
            canvas.getContext('2d')?.drawImage(img, 0, 0, size, size);
            canvas.toBlob((blob) => {
              if (blob) out[uri] = URL.createObjectURL(blob);
              resolve();
            }, 'image/png');
          };
          img.onerror = () => resolve(); // keep the SVG
          img.src = uri;
        }),
    ),
  );
  return out;
}

let rasterized: Promise<Record<string, string>> | undefined;
/** `rasterizeGlyphs()` once per page: the canvas and the benchmark page share the bitmaps. */
export const glyphImages = (): Promise<Record<string, string>> => (rasterized ??= rasterizeGlyphs());
