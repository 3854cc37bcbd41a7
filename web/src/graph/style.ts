/**
 * The canvas stylesheet. Every label has its own shape, border pattern and icon, so a chart
 * printed in black and white still tells a phone from a card; colour only helps. People carry
 * their gang layer as a corner badge (hollow when the layer was inferred), cards a padlock when
 * frozen; suspects have a heavy border, victims a double one.
 *
 * Level of detail: a label is drawn only where it can be read (`min-zoomed-font-size`), or when
 * the element is selected or has the class `show-label` (set it on hover). Issue 5 measured
 * labels on every node taking 5,000 nodes from 31 to 0.7 frames/s in software rendering.
 * For large graphs (`large`), edges are solid haystack lines (no arrows, no curve maths, no
 * dashes) except those highlighted or selected: dashes are the costliest thing a software canvas
 * draws (1,000 dotted edges took 44 s a frame against 3.6 s solid in headless Chromium on a busy
 * 2-core machine), and a graph that large is read by its shape, not by its line patterns.
 */
import type { StylesheetJson } from 'cytoscape';
import { GANG_LAYERS, LABEL_NAMES, LINK_TYPE_NAMES, type Label, type LinkType } from '../../../server/src/domain/model';
import { kebab } from './elements';
import { FROZEN_BADGE, INFERRED_LAYER_BADGES, LABEL_GLYPHS, LAYER_BADGES, SUSPECT_BADGE, VICTIM_BADGE } from './glyphs';

/** Above this many elements, pass `large: true`. */
export const LARGE_GRAPH = 1000;

/**
 * `min-zoomed-font-size` of node and link labels in a large graph. Cytoscape's canvas renderer
 * caches a label's bitmap per zoom level, a power of two at or above the zoom, and shows it when
 * the font at that level's scale reaches the minimum: with 9 px, an 11 px label showed at every
 * zoom above 0.5, drawn 5.5–9 px high where nobody reads it, and 2,000 elements at zoom 0.66 drew
 * and cached a label bitmap each. 12 px shows the 10–11 px labels from zoom 1 up (level 2×),
 * 10–22 px high; hovered and selected elements keep theirs at every zoom.
 */
export const LARGE_MIN_FONT = 12;

export const FONT = 'system-ui, "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

type Shape = 'ellipse' | 'rectangle' | 'round-rectangle' | 'diamond' | 'hexagon' | 'cut-rectangle' | 'star' | 'tag' | 'barrel';
type BorderStyle = 'solid' | 'dashed' | 'dotted' | 'double';

export interface LabelLook {
  shape: Shape;
  width: number;
  height: number;
  fill: string;
  border: string;
  borderStyle: BorderStyle;
  borderWidth: number;
}

/**
 * Shapes and border patterns are all different; fills differ in lightness too (relative luminance
 * at least 0.05 apart, from the lightest, case, to the darkest, gang), so that greyscale keeps
 * some of the colour's help.
 */
export const LABEL_LOOKS: Record<Label, LabelLook> = {
  Case: { shape: 'rectangle', width: 44, height: 40, fill: '#fff4c2', border: '#8a5a00', borderStyle: 'solid', borderWidth: 3 },
  Person: { shape: 'ellipse', width: 42, height: 42, fill: '#fde0c8', border: '#6b4a2e', borderStyle: 'solid', borderWidth: 1.5 },
  BankCard: { shape: 'round-rectangle', width: 52, height: 34, fill: '#bfe8c9', border: '#1f6b3a', borderStyle: 'solid', borderWidth: 2 },
  Phone: { shape: 'diamond', width: 46, height: 46, fill: '#b3d3f7', border: '#1e3a8a', borderStyle: 'dashed', borderWidth: 2 },
  OnlineAccount: { shape: 'hexagon', width: 46, height: 40, fill: '#c9bdf2', border: '#5b21b6', borderStyle: 'dotted', borderWidth: 3 },
  Device: { shape: 'cut-rectangle', width: 42, height: 42, fill: '#a3a8b0', border: '#374151', borderStyle: 'solid', borderWidth: 1 },
  Agency: { shape: 'tag', width: 48, height: 40, fill: '#74c3cf', border: '#155e75', borderStyle: 'double', borderWidth: 3 },
  Gang: { shape: 'star', width: 72, height: 72, fill: '#d9766f', border: '#6b1010', borderStyle: 'double', borderWidth: 5 },
};

export interface LinkLook {
  color: string;
  style: 'solid' | 'dashed' | 'dotted';
  width: number;
  arrow: boolean;
}

export const LINK_LOOKS: Record<LinkType, LinkLook> = {
  SUSPECT_IN: { color: '#9f1239', style: 'solid', width: 2, arrow: true },
  VICTIM_IN: { color: '#1d4ed8', style: 'dashed', width: 2, arrow: true },
  HOLDS: { color: '#6b7280', style: 'solid', width: 1.2, arrow: true },
  USES: { color: '#6b7280', style: 'solid', width: 1.2, arrow: true },
  OWNS: { color: '#6b7280', style: 'solid', width: 1.2, arrow: true },
  INVOLVES: { color: '#9ca3af', style: 'solid', width: 1, arrow: false },
  TRANSFERRED: { color: '#b45309', style: 'solid', width: 2, arrow: true },
  CALLED: { color: '#1e40af', style: 'dashed', width: 1, arrow: true },
  CONTACTED: { color: '#6d28d9', style: 'dotted', width: 1.5, arrow: true },
  // Solid although it is the weakest link: every member's line runs to the one gang node, and
  // a thousand long dotted lines cost seconds a frame in a software canvas.
  MEMBER_OF: { color: '#c4c8ce', style: 'solid', width: 1, arrow: false },
  REPORTS_TO: { color: '#111827', style: 'solid', width: 2.5, arrow: true },
  KNOWS: { color: '#9ca3af', style: 'dashed', width: 1, arrow: false },
};

const HIGHLIGHT = '#f59e0b';
const SELECT = '#2563eb';

/** One corner badge beside the label's icon. */
function withBadge(glyph: string, badge: string) {
  return {
    'background-image': [glyph, badge],
    'background-width': ['60%', '46%'],
    'background-height': ['60%', '46%'],
    'background-position-x': ['50%', '108%'],
    'background-position-y': ['50%', '-8%'],
    'background-clip': ['node', 'none'],
    'background-image-containment': ['inside', 'over'],
    'bounds-expansion': 6,
  };
}

export interface StylesheetOptions {
  /** Haystack edges and lighter labels for thousands of elements (see LARGE_GRAPH). */
  large?: boolean;
  /**
   * Bitmaps to draw instead of the SVG icons, from `await rasterizeGlyphs()` (glyphs.ts): a
   * software canvas draws an SVG 25–50× slower than a PNG.
   */
  images?: Readonly<Record<string, string>>;
}

export function buildStylesheet(opts: StylesheetOptions = {}): StylesheetJson {
  const large = opts.large ?? false;
  const images = opts.images ?? {};
  const img = (uri: string) => images[uri] ?? uri;
  const badged = (glyph: string, badge: string) => withBadge(img(glyph), img(badge));
  const blocks: { selector: string; style: Record<string, unknown> }[] = [];
  const add = (selector: string, style: Record<string, unknown>) => blocks.push({ selector, style });

  add('node', {
    label: 'data(text)',
    'font-family': FONT,
    'font-size': 11,
    'min-zoomed-font-size': large ? LARGE_MIN_FONT : 9,
    'text-valign': 'bottom',
    'text-halign': 'center',
    'text-margin-y': 4,
    'text-wrap': 'wrap',
    'text-max-width': 140,
    color: '#111827',
    'text-background-color': '#ffffff',
    'text-background-opacity': 0.85,
    'text-background-padding': 1,
    'background-fit': 'none',
    'background-width': '60%',
    'background-height': '60%',
  });
  for (const label of LABEL_NAMES) {
    const l = LABEL_LOOKS[label];
    add(`node.${kebab(label)}`, {
      shape: l.shape,
      width: l.width,
      height: l.height,
      'background-color': l.fill,
      'border-color': l.border,
      'border-style': l.borderStyle,
      'border-width': l.borderWidth,
      'background-image': img(LABEL_GLYPHS[label]),
    });
  }
  add('node.gang', { 'font-size': 14, 'font-weight': 'bold', 'min-zoomed-font-size': 4 });
  add('node.person.suspect', { 'border-color': '#7f1d1d', 'border-width': 4, 'border-style': 'solid', ...badged(LABEL_GLYPHS.Person, SUSPECT_BADGE) });
  add('node.person.victim', { 'border-color': '#1d4ed8', 'border-width': 4, 'border-style': 'double', ...badged(LABEL_GLYPHS.Person, VICTIM_BADGE) });
  for (const layer of GANG_LAYERS) {
    const cls = `layer-${layer.toLowerCase()}`;
    add(`node.person.${cls}`, badged(LABEL_GLYPHS.Person, LAYER_BADGES[layer]));
    add(`node.person.${cls}.layer-inferred`, badged(LABEL_GLYPHS.Person, INFERRED_LAYER_BADGES[layer]));
  }
  add('node.person.layer-management', { width: 50, height: 50, 'font-weight': 'bold' });
  add('node.bank-card.frozen', { 'border-color': '#0369a1', 'border-width': 4, 'border-style': 'double', 'background-color': '#e0f2fe', ...badged(LABEL_GLYPHS.BankCard, FROZEN_BADGE) });
  add('node.placeholder', {
    shape: 'round-rectangle',
    width: 130,
    height: 30,
    'background-color': '#ffffff',
    'background-image': 'none',
    'border-style': 'dashed',
    'border-width': 1.5,
    'border-color': '#4b5563',
    'text-valign': 'center',
    'text-margin-y': 0,
    'font-size': 11,
    'min-zoomed-font-size': 4,
    'text-background-opacity': 0,
  });

  add('edge', {
    'curve-style': large ? 'haystack' : 'bezier',
    'haystack-radius': 0.4,
    width: 1,
    'line-color': '#9ca3af',
    'target-arrow-color': '#9ca3af',
    'target-arrow-shape': 'none',
    'arrow-scale': 0.8,
    label: '',
    'font-family': FONT,
    'font-size': 10,
    'min-zoomed-font-size': large ? LARGE_MIN_FONT : 10,
    'text-rotation': 'autorotate',
    'text-background-color': '#ffffff',
    'text-background-opacity': 0.85,
    'text-background-padding': 1,
  });
  for (const type of LINK_TYPE_NAMES) {
    const l = LINK_LOOKS[type];
    add(`edge.link-${kebab(type)}`, {
      'line-color': l.color,
      'line-style': l.style,
      width: l.width,
      'target-arrow-color': l.color,
      'target-arrow-shape': l.arrow && !large ? 'triangle' : 'none',
    });
    if (large) blocks[blocks.length - 1]!.style['line-style'] = 'solid';
  }
  add('edge.money', { width: 'data(width)', label: 'data(text)', color: '#7c2d12' });
  add('edge.more', { 'line-style': large ? 'solid' : 'dashed', 'line-color': '#6b7280', width: 1, 'target-arrow-shape': 'none' });

  add('.show-label, :selected', { 'min-zoomed-font-size': 0, 'z-index': 20 });
  add('edge.show-label, edge:selected', { label: 'data(text)' });
  add('node:selected', { 'overlay-color': SELECT, 'overlay-opacity': 0.22, 'overlay-padding': 6 });
  add('edge:selected', { 'overlay-color': SELECT, 'overlay-opacity': 0.22, 'overlay-padding': 4, 'curve-style': 'bezier' });
  add('node.highlighted', { 'underlay-color': HIGHLIGHT, 'underlay-opacity': 0.7, 'underlay-padding': 7, 'z-index': 30, 'min-zoomed-font-size': 0 });
  add('edge.highlighted', {
    'curve-style': 'bezier',
    'line-color': HIGHLIGHT,
    'target-arrow-color': HIGHLIGHT,
    'target-arrow-shape': 'triangle',
    width: 4,
    'z-index': 30,
    label: 'data(text)',
    'min-zoomed-font-size': 0,
  });
  add('edge.money.highlighted', { width: 'data(width)' });
  add('.faded', { opacity: 0.15, 'text-opacity': 0 });
  add('.hidden, .hidden-by-time', { display: 'none' });
  add('node.locked', { 'outline-width': 2, 'outline-color': '#111827', 'outline-style': 'solid', 'outline-offset': 3 });
  return blocks as unknown as StylesheetJson;
}
