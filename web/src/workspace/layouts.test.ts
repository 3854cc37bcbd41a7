import { describe, expect, it } from 'vitest';
import { toElements, type ApiLink, type ApiNode } from '../graph/elements';
import { addSubgraph } from './commands';
import { emptyDoc } from './doc';
import { gangHierarchy, gridLayout, groupedLayout, moneyFlow } from './layouts';

const node = (id: string, label: ApiNode['label']): ApiNode => ({ id, label, caption: id });
const link = (type: ApiLink['type'], from: string, to: string, extra: Partial<ApiLink> = {}): ApiLink => ({ id: `${type}:${from}:${to}:`, type, from, to, ...extra });
const elementsOf = (nodes: ApiNode[], links: ApiLink[]) => toElements(addSubgraph(emptyDoc(), { nodes, links }).graph);

describe('layouts on the canvas elements', () => {
  it('put managers above callers above the money layer, and the case to the side', () => {
    const els = elementsOf(
      [node('person:boss', 'Person'), node('person:lead', 'Person'), node('person:caller', 'Person'), node('person:mule', 'Person'), node('gang:g', 'Gang'), node('case:1', 'Case')],
      [
        link('MEMBER_OF', 'person:boss', 'gang:g', { layer: 'MANAGEMENT' }),
        link('MEMBER_OF', 'person:lead', 'gang:g', { layer: 'CALLER' }),
        link('MEMBER_OF', 'person:caller', 'gang:g', { layer: 'CALLER' }),
        link('MEMBER_OF', 'person:mule', 'gang:g', { layer: 'MONEY' }),
        link('REPORTS_TO', 'person:caller', 'person:lead'),
        link('REPORTS_TO', 'person:lead', 'person:boss'),
        link('SUSPECT_IN', 'person:caller', 'case:1'),
      ],
    );
    const outcome = gangHierarchy(els, 'zh-CN');
    if ('problem' in outcome) throw new Error(outcome.problem);
    const y = (id: string) => outcome.positions[id]!.y;
    expect(y('person:boss')).toBeLessThan(y('person:lead'));
    expect(y('person:lead')).toBeLessThan(y('person:mule'));
    expect(y('person:caller')).toBeLessThan(y('person:mule'));
    expect(outcome.bands.map((b) => [b.layer, b.count])).toEqual([
      ['MANAGEMENT', 1],
      ['CALLER', 2],
      ['MONEY', 1],
    ]);
    expect(outcome.positions['case:1']).toBeDefined();
  });

  it('say so when there is no gang to lay out', () => {
    expect(gangHierarchy(elementsOf([node('phone:1', 'Phone')], []), 'en')).toEqual({ problem: 'layout.noGang' });
  });

  it('put the money left to right from the victim’s card, and what is not a card below', () => {
    const els = elementsOf(
      [node('person:wu', 'Person'), node('case:c', 'Case'), node('card:v', 'BankCard'), node('card:a', 'BankCard'), node('card:b', 'BankCard')],
      [
        link('VICTIM_IN', 'person:wu', 'case:c'),
        link('HOLDS', 'person:wu', 'card:v'),
        link('TRANSFERRED', 'card:v', 'card:a', { at: '2024-08-21T02:05:11.000Z', amount: '40000000' }),
        link('TRANSFERRED', 'card:a', 'card:b', { at: '2024-08-21T02:06:11.000Z', amount: '40000000' }),
      ],
    );
    const outcome = moneyFlow(els);
    if ('problem' in outcome) throw new Error(outcome.problem);
    const p = outcome.positions;
    expect(p['card:v']!.x).toBeLessThan(p['card:a']!.x);
    expect(p['card:a']!.x).toBeLessThan(p['card:b']!.x);
    expect(p['person:wu']!.y).toBeGreaterThan(p['card:b']!.y);
    expect(p['case:c']!.y).toBeGreaterThan(p['card:b']!.y);
  });

  it('say so when there is no money to lay out', () => {
    expect(moneyFlow(elementsOf([node('card:1', 'BankCard')], []))).toEqual({ problem: 'layout.noMoney' });
  });

  it('grid nodes label by label', () => {
    const els = elementsOf([node('phone:1', 'Phone'), node('case:1', 'Case'), node('person:1', 'Person')], []);
    expect(gridLayout(els)).toEqual({ 'case:1': { x: 0, y: 0 }, 'person:1': { x: 110, y: 0 }, 'phone:1': { x: 220, y: 0 } });
  });
});

describe('the grouped layout', () => {
  it('puts each label in a block of its own, side by side', () => {
    const els = elementsOf([node('phone:1', 'Phone'), node('phone:2', 'Phone'), node('phone:3', 'Phone'), node('case:1', 'Case')], []);
    expect(groupedLayout(els)).toEqual({
      'case:1': { x: 0, y: 0 },
      'phone:1': { x: 200, y: 0 },
      'phone:2': { x: 350, y: 0 },
      'phone:3': { x: 200, y: 120 },
    });
  });
});
