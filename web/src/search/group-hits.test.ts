import { describe, expect, it } from 'vitest';
import { groupHits, type Hit } from './group-hits';

const hit = (id: string, label: Hit['node']['label'], matchedBy = 'id'): Hit => ({ matchedBy, node: { id, label, caption: id } });

describe('search results', () => {
  it('are grouped by label in the model order, each group keeping the server ranking', () => {
    const groups = groupHits([
      hit('phone:+8613916731015', 'Phone', 'phone-suffix'),
      hit('case:A310115000000202410901015', 'Case', 'partial'),
      hit('phone:+8613916730821', 'Phone', 'phone-suffix'),
      hit('person:1', 'Person', 'name'),
    ]);
    expect(groups.map((g) => [g.label, g.hits.map((h) => h.node.id)])).toEqual([
      ['Case', ['case:A310115000000202410901015']],
      ['Person', ['person:1']],
      ['Phone', ['phone:+8613916731015', 'phone:+8613916730821']],
    ]);
  });

  it('show a node found by two forms once, by the first', () => {
    const groups = groupHits([hit('card:1', 'BankCard', 'card'), hit('card:1', 'BankCard', 'card-suffix')]);
    expect(groups).toEqual([{ label: 'BankCard', hits: [hit('card:1', 'BankCard', 'card')] }]);
  });

  it('are no groups when nothing was found', () => {
    expect(groupHits([])).toEqual([]);
  });
});
