import { describe, expect, it } from 'vitest';
import type { ApiLink, ApiNode } from '../graph/elements';
import { addGang, addNeighborhood, addSubgraph, applyLayout, clear, collapse, hide, move, removeElements, setFlag, setTimeWindow, showAll } from './commands';
import { emptyDoc, type CanvasDoc } from './doc';

const phone = (n: string): ApiNode => ({ id: `phone:${n}`, label: 'Phone', caption: n });
const person = (id: string): ApiNode => ({ id, label: 'Person', caption: id });
const link = (type: ApiLink['type'], from: string, to: string): ApiLink => ({ id: `${type}:${from}:${to}:`, type, from, to });

/** A caller's phone, its user, two phones it called and one it shares with another user. */
function start(): CanvasDoc {
  const seed = phone('+8617093073001');
  let doc = addSubgraph(emptyDoc(), { nodes: [seed], links: [] });
  doc = addNeighborhood(
    doc,
    {
      truncated: true,
      beyond: [{ label: 'Phone', count: 132 }],
      nodes: [seed, person('person:a'), phone('1'), phone('2')],
      links: [link('USES', 'person:a', seed.id), link('CALLED', seed.id, 'phone:1'), link('CALLED', seed.id, 'phone:2'), link('USES', 'person:a', 'phone:2')],
    },
    { ids: [seed.id], hops: 1 },
  );
  return doc;
}

describe('canvas commands', () => {
  it('adds a neighbourhood with a placeholder for what it left out, every node placed', () => {
    const doc = start();
    expect(Object.keys(doc.graph.nodes).sort()).toEqual(['person:a', 'phone:+8617093073001', 'phone:1', 'phone:2']);
    expect(Object.keys(doc.graph.placeholders)).toEqual(['more:Phone:phone:+8617093073001']);
    expect(Object.keys(doc.positions).sort()).toEqual(['more:Phone:phone:+8617093073001', 'person:a', 'phone:+8617093073001', 'phone:1', 'phone:2']);
    expect(doc.positions['phone:+8617093073001']).toEqual({ x: 0, y: 0 });
    const others = Object.entries(doc.positions).filter(([id]) => id !== 'phone:+8617093073001');
    for (const [, p] of others) expect(Math.round(Math.hypot(p.x, p.y))).toBe(90);
  });

  it('keeps positions of nodes already there when more arrive', () => {
    const doc = start();
    const again = addSubgraph(doc, { nodes: [phone('3')], links: [link('CALLED', 'phone:2', 'phone:3')] }, 'phone:2');
    for (const [id, p] of Object.entries(doc.positions)) expect(again.positions[id]).toEqual(p);
    expect(again.positions['phone:3']).toBeDefined();
  });

  it('collapses a node: the neighbours hanging on it alone go, shared and pinned ones stay', () => {
    const pinned = setFlag(start(), 'pinned', ['phone:1'], true);
    const folded = collapse(pinned, 'phone:+8617093073001');
    expect(Object.keys(folded.graph.nodes).sort()).toEqual(['person:a', 'phone:+8617093073001', 'phone:1', 'phone:2']);
    expect(folded.graph.placeholders).toEqual({});
    const unpinned = collapse(start(), 'phone:+8617093073001');
    expect(Object.keys(unpinned.graph.nodes).sort()).toEqual(['person:a', 'phone:+8617093073001', 'phone:2']);
    expect(unpinned.positions['phone:1']).toBeUndefined();
  });

  it('removes nodes with their links, flags and positions', () => {
    const doc = setFlag(hide(start(), ['phone:2']), 'locked', ['phone:2'], true);
    const after = removeElements(doc, ['phone:2']);
    expect(after.graph.nodes['phone:2']).toBeUndefined();
    expect(Object.values(after.graph.links).map((l) => l.id).sort()).toEqual(['CALLED:phone:+8617093073001:phone:1:', 'USES:person:a:phone:+8617093073001:']);
    expect(after.hidden).toEqual([]);
    expect(after.locked).toEqual([]);
    expect(after.positions['phone:2']).toBeUndefined();
    expect(removeElements(after, ['phone:nope'])).toBe(after);
  });

  it('hides and shows nodes without losing them', () => {
    const hidden = hide(start(), ['phone:2', 'phone:1', 'phone:unknown']);
    expect(hidden.hidden).toEqual(['phone:1', 'phone:2']);
    expect(hidden.graph.nodes['phone:1']).toBeDefined();
    expect(showAll(hidden).hidden).toEqual([]);
    expect(hide(hidden, ['phone:1'])).toBe(hidden);
  });

  it('moves nodes, but never a locked one, and reports no change when nothing moved', () => {
    const doc = setFlag(start(), 'locked', ['phone:1'], true);
    const moved = move(doc, { 'phone:1': { x: 500, y: 500 }, 'phone:2': { x: -7, y: 3 } });
    expect(moved.positions['phone:1']).toEqual(doc.positions['phone:1']);
    expect(moved.positions['phone:2']).toEqual({ x: -7, y: 3 });
    expect(move(moved, { 'phone:2': { x: -7, y: 3 } })).toBe(moved);
  });

  it('records the layout with the positions it chose', () => {
    const doc = applyLayout(start(), 'hierarchy', { 'person:a': { x: 0, y: -200 } });
    expect(doc.layout).toBe('hierarchy');
    expect(doc.positions['person:a']).toEqual({ x: 0, y: -200 });
  });

  it('adds a gang with its members placed around it', () => {
    const gang: ApiNode = { id: 'gang:730', label: 'Gang', caption: '7·30' };
    const doc = addGang(emptyDoc(), { gang, members: [{ layer: 'MANAGEMENT', person: person('person:boss') }], reportsTo: [], nodes: [], links: [link('MEMBER_OF', 'person:boss', 'gang:730')] });
    expect(Object.keys(doc.positions).sort()).toEqual(['gang:730', 'person:boss']);
    expect(doc.graph.memberLayers).toEqual({ 'person:boss': 'MANAGEMENT' });
  });

  it('sets and clears the time window, unchanged when the same', () => {
    const doc = setTimeWindow(start(), { from: 1, to: 2 });
    expect(doc.timeWindow).toEqual({ from: 1, to: 2 });
    expect(setTimeWindow(doc, { from: 1, to: 2 })).toBe(doc);
    expect(setTimeWindow(doc, null).timeWindow).toBeNull();
  });
});

describe('clearing the canvas', () => {
  it('removes everything but keeps the layout and grouping', () => {
    const doc = { ...start(), layout: 'money' as const, groupByLabel: true };
    expect(clear(doc)).toEqual({ ...emptyDoc(), layout: 'money', groupByLabel: true });
    expect(clear(emptyDoc())).toEqual(emptyDoc());
  });
});
