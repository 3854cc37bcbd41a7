import { describe, expect, it } from 'vitest';
import { parseRecord } from './validate';

const line = (o: object) => JSON.stringify(o);

describe('parseRecord', () => {
  it('accepts each kind of record', () => {
    expect(parseRecord(line({ kind: 'meta', version: 1, agency: 'sh-psb' }))).toEqual({ kind: 'meta', version: 1, agency: 'sh-psb' });
    expect(parseRecord(line({ kind: 'node', label: 'Phone', id: 'phone:+8613812345678', props: { number: '+8613812345678' } })).kind).toBe('node');
    expect(parseRecord(line({ kind: 'link', type: 'TRANSFERRED', from: 'card:1', to: 'card:2', key: 'tx1', props: { amount: 100, at: '2026-01-01T10:00:00+08:00' } })).kind).toBe('link');
    expect(parseRecord(line({ kind: 'source', id: 'src:1', type: 'CHAT_LOG', reference: 'QQ group export' })).kind).toBe('source');
  });

  it('names what is wrong and where', () => {
    const cases: [string, string][] = [
      ['[1]', 'not a JSON object'],
      [line({ kind: 'edge' }), 'kind: must be one of meta, source, node, link (got "edge")'],
      [line({ kind: 'node', label: 'Phone' }), "record: must have required property 'id'"],
      [line({ kind: 'node', label: 'Car', id: 'x' }), 'label: must be one of Case, Person, BankCard, Phone, OnlineAccount, Device, Gang, Agency'],
      [line({ kind: 'node', label: 'Case', id: 'c', props: { loss: -5 } }), 'props.loss: must be >= 0'],
      [line({ kind: 'node', label: 'Case', id: 'c', props: { loss: 1.5 } }), 'props.loss: must be integer'],
      [line({ kind: 'node', label: 'Case', id: 'c', props: { reportedAt: '2026-02-30T10:00:00+08:00' } }), 'props.reportedAt: must match format "date-time"'],
      [line({ kind: 'node', label: 'Case', id: 'c', colour: 'red' }), 'colour: unknown field'],
      [line({ kind: 'node', label: 'Phone', id: 'p', props: { caseNo: 'x' } }), 'props.caseNo: a Phone has no property caseNo'],
      [line({ kind: 'link', type: 'CALLED', from: 'a', to: 'b', props: { amount: 5 } }), 'props.amount: a CALLED link has no property amount'],
      [line({ kind: 'link', type: 'CALLED', from: 'a', to: 'b', sources: ['stmt-1'] }), 'sources.0: must match pattern "^src:.{1,200}$"'],
      [line({ kind: 'meta', version: 2, agency: 'sh' }), 'version: must be equal to constant'],
    ];
    for (const [input, message] of cases) expect(() => parseRecord(input)).toThrow(message);
    // The parser's own words differ between Node versions; the prefix is ours.
    expect(() => parseRecord('{"kind":"node",')).toThrow(/^not JSON \(.*position 15/);
  });
});
