import { describe, expect, it } from 'vitest';
import { draftMapping, requiredGroup } from './mapping-draft';

const header = ['卡号', '记账时间', '发生额', '对方卡号', '流水', ''];

describe('draftMapping', () => {
  it('turns the columns chosen into a mapping that names each field by its header, in the fields’ order', () => {
    const draft = draftMapping({ kind: 'BANK_STATEMENT', name: ' 某农商行 ', timeZone: '', header, fields: { 4: 'txId', 0: 'card', 1: 'time', 2: 'amount', 3: 'counterAccount' } });
    expect(draft).toEqual({
      mapping: {
        name: '某农商行',
        kind: 'BANK_STATEMENT',
        timeZone: 'Asia/Shanghai',
        columns: [
          { field: 'card', headers: ['卡号'] },
          { field: 'time', headers: ['记账时间'] },
          { field: 'amount', headers: ['发生额'] },
          { field: 'counterAccount', headers: ['对方卡号'] },
          { field: 'txId', headers: ['流水'] },
        ],
      },
      problems: [],
    });
  });

  it('names every problem: no name, a required group with no column, a field on two columns, a column without a header', () => {
    expect(draftMapping({ kind: 'BANK_STATEMENT', name: '  ', timeZone: 'Asia/Shanghai', header, fields: { 0: 'card', 3: 'card', 5: 'summary' } })).toEqual({
      mapping: null,
      problems: [
        { kind: 'name' },
        { kind: 'blankHeader', column: 5 },
        { kind: 'twice', field: 'card', headers: ['卡号', '对方卡号'] },
        { kind: 'required', fields: ['time', 'date'] },
        { kind: 'required', fields: ['amount', 'debit', 'credit'] },
      ],
    });
  });

  it('drops fields of the other kind, and asks for the call records’ own required fields', () => {
    expect(draftMapping({ kind: 'CALL_RECORDS', name: 'x', timeZone: 'Asia/Urumqi', header, fields: { 0: 'own', 1: 'start', 2: 'amount' } })).toEqual({
      mapping: null,
      problems: [
        { kind: 'required', fields: ['other'] },
        { kind: 'required', fields: ['callType'] },
      ],
    });
  });
});

describe('requiredGroup', () => {
  it('gives the group a required field belongs to, or null for an optional one', () => {
    expect(requiredGroup('BANK_STATEMENT', 'debit')).toEqual(['amount', 'debit', 'credit']);
    expect(requiredGroup('BANK_STATEMENT', 'summary')).toBeNull();
  });
});
