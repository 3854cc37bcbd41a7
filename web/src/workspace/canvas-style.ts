import type { StylesheetJson } from 'cytoscape';
import { buildStylesheet, FONT } from '../graph/style';

/**
 * Styles for what only the workspace draws, on top of the graph's stylesheet (web/src/graph/style.ts):
 * the gang hierarchy's bands, label groups, pinned nodes.
 */
export const WORKSPACE_STYLE = [
  {
    selector: 'node.band',
    style: {
      shape: 'rectangle',
      width: 'data(width)',
      height: 'data(height)',
      'background-color': '#eef2f7',
      'background-opacity': 0.9,
      'border-width': 1,
      'border-color': '#c3ccd8',
      'background-image': 'none',
      label: 'data(text)',
      'font-family': FONT,
      'font-size': 16,
      'font-weight': 'bold',
      color: '#334155',
      'text-halign': 'left',
      'text-valign': 'center',
      'text-justification': 'right',
      'text-margin-x': -10,
      'text-background-opacity': 0,
      'min-zoomed-font-size': 4,
      'z-compound-depth': 'bottom',
      'z-index-compare': 'manual',
      'z-index': 0,
      events: 'no',
    },
  },
  {
    selector: 'node.group',
    style: {
      shape: 'round-rectangle',
      'background-color': '#f6f8fb',
      'border-color': '#94a3b8',
      'border-style': 'dashed',
      'border-width': 1.5,
      'background-image': 'none',
      label: 'data(text)',
      'font-family': FONT,
      'font-size': 14,
      'font-weight': 'bold',
      'text-valign': 'top',
      'text-halign': 'center',
      'text-margin-y': -4,
      'min-zoomed-font-size': 4,
      padding: '16px',
    },
  },
  { selector: 'node.pinned', style: { 'outline-width': 3, 'outline-color': '#b45309', 'outline-style': 'dotted', 'outline-offset': 2 } },
] as unknown as StylesheetJson;

/**
 * The canvas's whole stylesheet: the graph's (large or not, with the icons' bitmaps once
 * `glyphImages()` has them) and the workspace's on top. The benchmark page draws with this too.
 */
export function canvasStylesheet({ large, images }: { large: boolean; images?: Readonly<Record<string, string>> }): StylesheetJson {
  return [...(buildStylesheet({ large, images }) as unknown as object[]), ...(WORKSPACE_STYLE as unknown as object[])] as unknown as StylesheetJson;
}
