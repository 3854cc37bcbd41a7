import type { Call, Transfer } from './samples';

/** Four cards and the transfers among them, each in its payer's and its payee's statement. */
export const A = '6222021234567890123';
export const B = '6217000011112222';
export const C = '6228480000000001';
export const D = '6214830000000009';

export const transfers: Transfer[] = [
  { txId: 'TX001', from: A, to: B, fromName: '张三', toName: '李四', yuan: '1234.50', at: '2026-02-05 14:05:32' },
  { txId: 'TX002', from: B, to: C, fromName: '李四', toName: '王五', yuan: '50000', at: '2026-02-05 15:00:00' },
  { txId: 'TX003', from: C, to: D, fromName: '王五', toName: '赵六', yuan: '12345678.90', at: '2026-02-06 09:30:15' },
  { txId: 'TX004', from: D, to: A, fromName: '赵六', toName: '张三', yuan: '0.01', at: '2026-02-06 10:00:00' },
];

export const of = (card: string) => transfers.filter((t) => t.from === card || t.to === card);

export const P1 = '13812345678';
export const P2 = '13900000000';
export const P3 = '13700001111';

export const calls: Call[] = [
  { caller: P1, callee: P2, at: '2026-02-05 09:15:00', seconds: 900 },
  { caller: P3, callee: P1, at: '2026-02-05 10:00:05', seconds: 62 },
];
