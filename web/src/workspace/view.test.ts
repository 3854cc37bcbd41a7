import { describe, expect, it } from 'vitest';
import { toElements, type ApiLink, type ApiNode } from '../graph/elements';
import { addSubgraph, applyLayout, hide, setFlag, setGroupByLabel, setTimeWindow } from './commands';
import { emptyDoc, type CanvasDoc } from './doc';
import { canvasView } from './view';

const card = (n: string): ApiNode => ({ id: `card:${n}`, label: 'BankCard', caption: n });
const transfer = (from: string, to: string, at: string): ApiLink => ({ id: `TRANSFERRED:card:${from}:card:${to}:${at}`, type: 'TRANSFERRED', from: `card:${from}`, to: `card:${to}`, at, amount: '100' });
const person: ApiNode = { id: 'person:wu', label: 'Person', caption: '吴丽华' };

function doc(): CanvasDoc {
  return addSubgraph(emptyDoc(), {
    nodes: [card('1'), card('2'), card('3'), person],
    links: [transfer('1', '2', '2024-08-21T02:05:11.000Z'), transfer('2', '3', '2024-09-21T02:05:11.000Z'), { id: 'HOLDS:person:wu:card:1:', type: 'HOLDS', from: 'person:wu', to: 'card:1' }],
  });
}
const view = (d: CanvasDoc, highlight?: string[]) =>
  canvasView(d, { elements: toElements(d.graph), highlight: highlight ? { ids: highlight } : null, groupName: (l) => `[${l}]` });
const classesOf = (els: ReturnType<typeof view>, id: string) => els.find((e) => e.data.id === id)?.classes;

describe('the canvas view of a document', () => {
  it('places every node where the document says', () => {
    const d = doc();
    for (const e of view(d).filter((e) => e.data.source === undefined)) expect(e.position).toEqual(d.positions[e.data.id!]);
  });

  it('leaves hidden nodes and their links out', () => {
    const ids = view(hide(doc(), ['card:2'])).map((e) => e.data.id);
    expect(ids).toEqual(['card:1', 'card:3', 'person:wu', 'HOLDS:person:wu:card:1:']);
  });

  it('marks links outside the time window, and nodes left with none, hidden by time', () => {
    const d = setTimeWindow(doc(), { from: Date.parse('2024-09-01T00:00:00Z'), to: Date.parse('2024-10-01T00:00:00Z') });
    const els = view(d);
    expect(els.filter((e) => String(e.classes).includes('hidden-by-time')).map((e) => e.data.id)).toEqual(['card:1', 'HOLDS:person:wu:card:1:', 'TRANSFERRED:card:1:card:2:2024-08-21T02:05:11.000Z']);
  });

  it('marks pinned, locked and highlighted nodes and fades the rest', () => {
    const d = setFlag(setFlag(doc(), 'pinned', ['card:1'], true), 'locked', ['card:2'], true);
    const els = view(d, ['card:1', 'card:2', 'TRANSFERRED:card:1:card:2:2024-08-21T02:05:11.000Z']);
    expect(classesOf(els, 'card:1')).toBe('bank-card pinned highlighted');
    expect(classesOf(els, 'card:2')).toBe('bank-card locked highlighted');
    expect(classesOf(els, 'card:3')).toBe('bank-card faded');
    expect(classesOf(els, 'TRANSFERRED:card:2:card:3:2024-09-21T02:05:11.000Z')).toBe('link-transferred money faded');
    const withLinks = canvasView(d, { elements: toElements(d.graph), highlight: { ids: ['card:2', 'card:3'], withLinks: true } });
    expect(classesOf(withLinks, 'TRANSFERRED:card:2:card:3:2024-09-21T02:05:11.000Z')).toBe('link-transferred money highlighted');
    expect(classesOf(withLinks, 'TRANSFERRED:card:1:card:2:2024-08-21T02:05:11.000Z')).toBe('link-transferred money faded');
  });

  it('groups nodes under their label', () => {
    const els = view(setGroupByLabel(doc(), true));
    expect(els.filter((e) => String(e.classes).startsWith('group')).map((e) => [e.data.id, e.data.text])).toEqual([
      ['group:BankCard', '[BankCard]'],
      ['group:Person', '[Person]'],
    ]);
    expect(els.find((e) => e.data.id === 'person:wu')?.data.parent).toBe('group:Person');
  });

  it('draws the gang hierarchy’s bands behind the nodes while that layout is on', () => {
    const band = { layer: 'MANAGEMENT' as const, name: '管理层 · 2', count: 2, inferred: 0, top: -20, bottom: 20, left: 0, right: 100, label: { x: -60, y: 0 } };
    const els = view(applyLayout(doc(), 'hierarchy', {}, [band]));
    expect(els[0]).toMatchObject({ data: { id: 'band:MANAGEMENT', text: '管理层 · 2', width: 180, height: 80 }, position: { x: 50, y: 0 }, classes: 'band band-management' });
    expect(view(applyLayout(applyLayout(doc(), 'hierarchy', {}, [band]), 'force', {})).some((e) => e.data.id === 'band:MANAGEMENT')).toBe(false);
    const named = canvasView(applyLayout(doc(), 'hierarchy', {}, [{ ...band, inferred: 1 }]), { elements: [], bandName: (b) => `${b.layer}: ${b.count}, ${b.inferred} inferred` });
    expect(named[0]?.data.text).toBe('MANAGEMENT: 2, 1 inferred');
  });
});
