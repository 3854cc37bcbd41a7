import { LARGE_GRAPH } from './style';

/**
 * How a hovered element shows its label. Up to LARGE_GRAPH elements the `show-label` class
 * (style.ts) draws it on the canvas. Above, restyling one element throws away Cytoscape's layered
 * bitmap and has it draw every element in each frame for 250 ms (71–93 ms of CPU a frame for
 * 2,000 elements in software rendering, measured for issue 5): there the label is an HTML tip over
 * the canvas, and the canvas is left as it is.
 */
export const hoverShowsTip = (elementCount: number): boolean => elementCount > LARGE_GRAPH;

export interface HoverTip {
  text: string;
  /** Where the tip's top centre goes, in the canvas's rendered pixels. */
  left: number;
  top: number;
}

/** A hovered element's tip: its label at `anchor` (under a node, at a link's midpoint); none when it has no label. */
export function hoverTip(text: unknown, anchor: { x: number; y: number }): HoverTip | null {
  if (typeof text !== 'string' || text.trim() === '') return null;
  return { text, left: Math.round(anchor.x), top: Math.round(anchor.y) };
}
