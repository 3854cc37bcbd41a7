import { describe, expect, it } from 'vitest';
import type { ApiLink, ApiNode } from '../graph/elements';
import { caseMoneySeeds } from './money-seeds';

const node = (id: string, label: ApiNode['label']): ApiNode => ({ id, label });
const link = (type: ApiLink['type'], from: string, to: string, at?: string): ApiLink => ({ id: `${type}:${from}:${to}:${at ?? ''}`, type, from, to, at });

describe('where a case’s money starts', () => {
  const nodes = ['card:wu', 'card:c1', 'card:c2', 'card:other'].map((id) => node(id, 'BankCard')).concat([node('case:wu', 'Case'), node('person:wu', 'Person'), node('phone:95588', 'Phone')]);
  it('is the victim’s card, from her first transfer to a card of the case', () => {
    const links = [
      link('VICTIM_IN', 'person:wu', 'case:wu'),
      link('HOLDS', 'person:wu', 'card:wu'),
      link('INVOLVES', 'case:wu', 'card:wu'),
      link('INVOLVES', 'case:wu', 'card:c1'),
      link('INVOLVES', 'case:wu', 'card:c2'),
      link('INVOLVES', 'case:wu', 'phone:95588'),
      link('TRANSFERRED', 'card:wu', 'card:other', '2024-05-01T00:00:00.000Z'),
      link('TRANSFERRED', 'card:wu', 'card:c2', '2024-08-21T02:21:37.000Z'),
      link('TRANSFERRED', 'card:wu', 'card:c1', '2024-08-21T02:05:11.000Z'),
    ];
    expect(caseMoneySeeds('case:wu', { nodes, links })).toEqual({ cards: ['card:wu'], after: '2024-08-21T02:05:11.000Z' });
  });

  it('is every card of the case, from the start, when no victim’s card is known', () => {
    const links = [link('INVOLVES', 'case:wu', 'card:c1'), link('INVOLVES', 'case:wu', 'card:c2'), link('TRANSFERRED', 'card:c1', 'card:c2', '2024-08-21T02:05:11.000Z')];
    expect(caseMoneySeeds('case:wu', { nodes, links })).toEqual({ cards: ['card:c1', 'card:c2'], after: null });
  });

  it('is nothing when the case involves no card', () => {
    expect(caseMoneySeeds('case:wu', { nodes, links: [link('INVOLVES', 'case:wu', 'phone:95588')] })).toEqual({ cards: [], after: null });
  });
});
