import type { ElementDefinition } from 'cytoscape';
import type { Label } from '../../../server/src/domain/model';
import { kebab } from '../graph/elements';
import type { Band } from '../graph/layouts/hierarchy';
import { filterByTime } from '../graph/layouts/timeline';
import type { CanvasDoc } from './doc';

/** What the canvas highlights: a path, a money trail, linked cases (the rest fades). */
export interface Highlight {
  ids: readonly string[];
  /** Also light the links between lit nodes (a gang, linked cases); a path lights only its own. */
  withLinks?: boolean;
}

export interface ViewOptions {
  /** `toElements(doc.graph)`, computed once per graph and language. */
  elements: readonly ElementDefinition[];
  highlight?: Highlight | null;
  /** Names of the label groups, when grouping by label. */
  groupName?: (label: Label) => string;
  /** What a gang hierarchy band says ("话务层（9 人，2 人为推定）"); the layout's own name otherwise. */
  bandName?: (band: Band) => string;
}

/** Id prefix of the elements the view adds that are not part of the graph. */
export const GROUP_PREFIX = 'group:';
export const BAND_PREFIX = 'band:';
export const isDecoration = (id: string) => id.startsWith(GROUP_PREFIX) || id.startsWith(BAND_PREFIX);

const withClass = (e: ElementDefinition, cls: string): string => [typeof e.classes === 'string' ? e.classes : (e.classes ?? []).join(' '), cls].filter(Boolean).join(' ');

/**
 * The elements the canvas shows for a document: hidden nodes (and their links) left out, links
 * outside the time window marked `hidden-by-time`, pinned and locked nodes marked, highlighted
 * elements marked and the rest faded, nodes grouped under their label, bands behind a gang.
 * Pure: the canvas component only applies the difference to Cytoscape.
 */
export function canvasView(doc: CanvasDoc, opts: ViewOptions): ElementDefinition[] {
  const hidden = new Set(doc.hidden);
  const visible = opts.elements.filter((e) => {
    const d = e.data;
    return d.source === undefined ? !hidden.has(d.id!) : !hidden.has(d.source) && !hidden.has(d.target);
  });
  const byTime = doc.timeWindow ? new Set(filterByTime(visible, doc.timeWindow).hidden) : new Set<string>();
  const pinned = new Set(doc.pinned);
  const locked = new Set(doc.locked);
  const lit = opts.highlight ? new Set(opts.highlight.ids) : null;
  const labels = new Set<Label>();
  const out: ElementDefinition[] = [];
  for (const e of visible) {
    const id = e.data.id!;
    const classes: string[] = [];
    if (byTime.has(id)) classes.push('hidden-by-time');
    if (pinned.has(id)) classes.push('pinned');
    if (locked.has(id)) classes.push('locked');
    const isNode = e.data.source === undefined;
    if (lit) classes.push(lit.has(id) || (!isNode && opts.highlight?.withLinks && lit.has(e.data.source) && lit.has(e.data.target)) ? 'highlighted' : 'faded');
    const data = { ...e.data };
    if (isNode && doc.groupByLabel && opts.groupName && !data.placeholder) {
      labels.add(data.label as Label);
      data.parent = `${GROUP_PREFIX}${data.label}`;
    }
    const position = isNode ? doc.positions[id] : undefined;
    out.push({ ...e, data, classes: withClass(e, classes.join(' ')), ...(position ? { position: { ...position } } : {}) });
  }
  const decorations: ElementDefinition[] = [];
  if (doc.groupByLabel && opts.groupName) {
    for (const label of [...labels].sort()) {
      decorations.push({ group: 'nodes', data: { id: `${GROUP_PREFIX}${label}`, text: opts.groupName(label) }, classes: `group group-${kebab(label)}` });
    }
  }
  if (doc.layout === 'hierarchy' && !doc.groupByLabel) {
    for (const band of doc.bands) {
      const width = band.right - band.left + 80;
      const height = band.bottom - band.top + 40;
      decorations.push({
        group: 'nodes',
        data: { id: `${BAND_PREFIX}${band.layer}`, text: opts.bandName ? opts.bandName(band) : band.name, width, height },
        classes: `band band-${band.layer.toLowerCase()}`,
        position: { x: (band.left + band.right) / 2, y: (band.top + band.bottom) / 2 },
        selectable: false,
        grabbable: false,
        locked: true,
      });
    }
  }
  return [...decorations, ...out];
}
