import { describe, expect, it } from 'vitest';
import { expandOptions } from './expand-options';

describe('what a node can be expanded along', () => {
  it('a phone: its cases, its users and the phones it called', () => {
    expect(expandOptions('Phone')).toEqual({ linkTypes: ['USES', 'INVOLVES', 'CALLED'], labels: ['Case', 'Person', 'Phone'] });
  });

  it('a person: cases, cards, phones, devices, accounts, gangs and other people', () => {
    expect(expandOptions('Person')).toEqual({
      linkTypes: ['SUSPECT_IN', 'VICTIM_IN', 'HOLDS', 'USES', 'OWNS', 'MEMBER_OF', 'REPORTS_TO', 'KNOWS'],
      labels: ['Case', 'Person', 'BankCard', 'Phone', 'OnlineAccount', 'Device', 'Gang'],
    });
  });

  it('an agency: nothing the model links it to', () => {
    expect(expandOptions('Agency')).toEqual({ linkTypes: [], labels: [] });
  });
});
