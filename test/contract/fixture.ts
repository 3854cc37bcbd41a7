import { importBundle } from '../../server/src/import/importer';
import type { GraphStore } from '../../server/src/store/graph-store';

/**
 * A small investigation held by two agencies: Shanghai (sh-psb) with three cases, a suspect in
 * two of them, a collection card they share, a money trail and a gang; Fujian (fj-psb) with a
 * case whose caller phone Shanghai also holds.
 */
export const SH = 'sh-psb';
export const FJ = 'fj-psb';

export const ids = {
  sh1: 'case:SH1',
  sh2: 'case:SH2',
  sh3: 'case:SH3',
  fj1: 'case:FJ1',
  victim: 'person:victim-wu',
  suspect: 'person:310101199001011234',
  caller: 'person:caller-li',
  fjVictim: 'person:victim-lin',
  victimCard: 'card:6217000000000001',
  collect: 'card:6222021234567890123',
  mule2: 'card:6222000011112222',
  mule3: 'card:6222000033334444',
  callerPhone: 'phone:+8613812345678',
  victimPhone: 'phone:+8613900000000',
  gang: 'gang:730',
} as const;

const node = (label: string, id: string, props: object, owner?: string) => ({ kind: 'node', label, id, props, ...(owner ? { owner } : {}) });
const link = (type: string, from: string, to: string, extra: object = {}) => ({ kind: 'link', type, from, to, sources: ['src:sh-stmt-1'], ...extra });
const tx = (txId: string, from: string, to: string, amount: number, at: string) =>
  link('TRANSFERRED', from, to, { key: txId, props: { txId, amount, at } });

export const shanghaiBundle = [
  { kind: 'meta', version: 1, agency: SH, agencyName: '上海市公安局' },
  { kind: 'source', id: 'src:sh-stmt-1', type: 'BANK_STATEMENT', reference: '工商银行 交易流水 6222021234567890123', sha256: 'a'.repeat(64) },
  node('Case', ids.sh1, { caseNo: 'SH1', category: 'ONLINE_SHOPPING', channel: 'NETWORK', status: 'FILED', province: '上海', reportedAt: '2026-02-01T02:00:00+08:00', loss: 500000, stopped: 100000, returned: 50000 }),
  node('Case', ids.sh2, { caseNo: 'SH2', category: 'IMPERSONATE_AUTHORITY', channel: 'PHONE', status: 'SOLVED', province: '上海', reportedAt: '2026-03-10T10:00:00+08:00', loss: 98000000 }),
  node('Case', ids.sh3, { caseNo: 'SH3', category: 'ONLINE_LOAN', channel: 'SMS', status: 'REPORTED', province: '上海', reportedAt: '2026-03-20T10:00:00+08:00', loss: 1000 }),
  node('Person', ids.victim, { name: '吴某某', gender: 'F' }),
  node('Person', ids.suspect, { name: '张三', idNumber: '310101199001011234', gender: 'M', birthYear: 1990, aliases: ['三哥'] }),
  node('Person', ids.caller, { name: '李四' }),
  node('BankCard', ids.victimCard, { number: '6217000000000001', bank: '建设银行' }),
  node('BankCard', ids.collect, { number: '6222021234567890123', bank: '工商银行', frozen: true, frozenAmount: 300000 }),
  node('BankCard', ids.mule2, { number: '6222000011112222', bank: '农业银行' }),
  node('BankCard', ids.mule3, { number: '6222000033334444', bank: '农业银行' }),
  node('Phone', ids.callerPhone, { number: '+8613812345678', carrier: '中国移动' }),
  node('Phone', ids.victimPhone, { number: '+8613900000000' }),
  node('Gang', ids.gang, { name: '7·30 团伙', baseCountry: 'KH' }),
  link('VICTIM_IN', ids.victim, ids.sh1),
  link('SUSPECT_IN', ids.suspect, ids.sh1),
  link('SUSPECT_IN', ids.suspect, ids.sh2),
  link('HOLDS', ids.victim, ids.victimCard),
  link('INVOLVES', ids.sh1, ids.collect, { props: { how: 'received victim transfer' } }),
  link('INVOLVES', ids.sh2, ids.collect),
  link('INVOLVES', ids.sh2, ids.callerPhone, { props: { how: 'called victim' } }),
  link('USES', ids.caller, ids.callerPhone),
  link('CALLED', ids.callerPhone, ids.victimPhone, { key: '2026-03-10T09:00:00+08:00', props: { at: '2026-03-10T09:00:00+08:00', seconds: 900 } }),
  tx('tx0', ids.mule2, ids.mule3, 7000, '2026-01-31T09:00:00+08:00'),
  tx('tx1', ids.victimCard, ids.collect, 500000, '2026-01-31T10:00:00+08:00'),
  tx('tx2', ids.collect, ids.mule2, 300000, '2026-01-31T10:05:00+08:00'),
  tx('tx3', ids.mule2, ids.mule3, 290000, '2026-01-31T10:10:00+08:00'),
  link('MEMBER_OF', ids.suspect, ids.gang, { props: { layer: 'MANAGEMENT' } }),
  link('MEMBER_OF', ids.caller, ids.gang, { props: { layer: 'CALLER', since: '2025-06-01T00:00:00+08:00' } }),
  link('REPORTS_TO', ids.caller, ids.suspect),
];

export const fujianBundle = [
  { kind: 'meta', version: 1, agency: FJ, agencyName: '龙岩市公安局' },
  { kind: 'source', id: 'src:fj-cdr-1', type: 'CALL_RECORDS', reference: '移动话单 13812345678' },
  node('Case', ids.fj1, { caseNo: 'FJ1', category: 'PART_TIME_JOB', channel: 'NETWORK', status: 'FILED', province: '福建', reportedAt: '2026-03-12T10:00:00+08:00', loss: 20000 }),
  node('Phone', ids.callerPhone, { number: '+8613812345678', homeRegion: '海南儋州' }),
  node('Person', ids.fjVictim, { name: '林某某' }),
  { ...link('INVOLVES', ids.fj1, ids.callerPhone), sources: ['src:fj-cdr-1'] },
  { ...link('VICTIM_IN', ids.fjVictim, ids.fj1), sources: ['src:fj-cdr-1'] },
];

export const toLines = (records: object[]) => records.map((r) => JSON.stringify(r));

/** The records as the importer reads a file: one NDJSON line at a time. */
export async function* lines(records: object[]): AsyncGenerator<string> {
  yield* toLines(records);
}

/** A new store (from the suite's `makeStore`) holding both agencies' bundles, each imported by its own officer. */
export async function storeWithBothBundles(makeStore: () => Promise<GraphStore>): Promise<GraphStore> {
  const store = await makeStore();
  await importBundle(store, lines(shanghaiBundle), { by: 'sh-officer' });
  await importBundle(store, lines(fujianBundle), { by: 'fj-officer' });
  await store.ready();
  return store;
}
