/**
 * Turns a gang's plan into case-bundle records, in the order the importer relies on: sources and
 * nodes before the links that cite or join them. The gang's own records (members, their
 * identifiers, cards) come first under the lead agency; each case follows under the agency that
 * filed it, which re-states the gang identifiers it saw, so identifiers end up owned by several
 * agencies.
 */
import { createHash } from 'node:crypto';
import type { GangLayer, LinkType, SourceType } from '../../server/src/domain/model';
import type { AccountP, CallP, CardP, CaseP, ContactP, DeviceP, GangP, PersonP, PhoneP, Tx } from './plan-types';
import { REGIONS } from './places';
import { iso } from './time';
import type { TruthGang, TruthRecord } from './truth';
import { groups } from './truth';
import type { BundleRecord, LinkRecord, NodeRecord, Props, SourceRecord } from './types';
import { HUB_IDS, HUBS, type World } from './world';

export type TruthSink = (r: TruthRecord) => void;

const HUB_BY_ID = new Map(HUBS.map((h) => [h.id, h]));

export function source(id: string, type: SourceType, reference: string, owner: string, collectedAt: number, collectedBy: string): SourceRecord {
  return {
    kind: 'source',
    id,
    type,
    reference,
    sha256: createHash('sha256').update(`${id}\n${reference}`).digest('hex'),
    collectedAt: iso(collectedAt),
    collectedBy,
    owner,
  };
}

const node = (label: NodeRecord['label'], id: string, owner: string, props: Props): NodeRecord => ({ kind: 'node', label, id, owner, props });

/** Built as one literal per shape (keyed or not, with or without props) so V8 keeps them monomorphic. */
function link(type: LinkType, from: string, to: string, owner: string, sources: string[], props?: Props, key?: string): LinkRecord {
  if (key !== undefined) return { kind: 'link', type, from, to, key, owner, sources, props: props! };
  if (props) return { kind: 'link', type, from, to, owner, sources, props };
  return { kind: 'link', type, from, to, owner, sources };
}

export function personNode(p: PersonP, owner: string): NodeRecord {
  const props: Props = { name: p.name, idNumber: p.idNumber, gender: p.gender, birthYear: p.birthYear, province: p.province, country: '中国' };
  if (p.aliases) props.aliases = p.aliases;
  return node('Person', p.id, owner, props);
}
export const phoneNode = (p: PhoneP, owner: string): NodeRecord => node('Phone', p.id, owner, { number: p.number, carrier: p.carrier, homeRegion: p.homeRegion });
export const accountNode = (a: AccountP, owner: string): NodeRecord => node('OnlineAccount', a.id, owner, { platform: a.platform, handle: a.handle });
export const deviceNode = (d: DeviceP, owner: string): NodeRecord => node('Device', d.id, owner, { imei: d.imei, model: d.model });

export function cardNode(c: CardP, owner: string): NodeRecord {
  const props: Props = {
    number: c.number,
    bank: c.bank.name,
    holderName: c.holderName,
    accountType: c.corporate ? 'CORPORATE' : 'PERSONAL',
    frozen: c.frozenAt !== Infinity,
  };
  if (c.frozenAt !== Infinity) {
    props.frozenAt = iso(c.frozenAt);
    props.frozenAmount = c.frozenAmount;
  }
  return node('BankCard', c.id, owner, props);
}

export const called = (c: CallP, owner: string, src: string[]): LinkRecord => {
  const at = iso(c.at);
  return link('CALLED', c.from.id, c.to.id, owner, src, { at, seconds: c.seconds }, at);
};
export const contacted = (c: ContactP, owner: string, src: string[]): LinkRecord => {
  const at = iso(c.at);
  return link('CONTACTED', c.from.id, c.to.id, owner, src, { at }, at);
};
export const transferred = (t: Tx, owner: string, src: string[]): LinkRecord =>
  link('TRANSFERRED', t.from.id, t.to.id, owner, src, { txId: t.txId, amount: t.amount, at: iso(t.at) }, t.txId);

/** Running record counts. */
export interface EmitCounts {
  nodes: number;
  links: number;
  records: number;
}

/** Yields one gang's records and hands its ground truth to the sink. */
export function* emitGang(world: World, g: GangP, truth: TruthSink | undefined, counts: EmitCounts): Generator<BundleRecord> {
  const lead = g.lead.id;
  const by = g.lead.name;
  const slug = g.slug;
  const known = g.known;
  const y = (r: BundleRecord): BundleRecord => {
    counts.records++;
    if (r.kind === 'node') counts.nodes++;
    else if (r.kind === 'link') counts.links++;
    return r;
  };

  // Evidence the lead agency holds about the whole gang.
  const srcBank = `src:${lead}:${slug}:bank`;
  const srcCdr = `src:${lead}:${slug}:cdr`;
  const srcReg = `src:${lead}:${slug}:reg`;
  const srcImg = `src:${lead}:${slug}:img`;
  const srcWarn = `src:${lead}:${slug}:warn`;
  const label = known ? g.name : `涉案线索 ${slug}`;
  yield y(source(srcBank, 'BANK_STATEMENT', `${label} 涉案账户交易流水（批量调取）`, lead, g.end, by));
  yield y(source(srcReg, 'OTHER', `${label} 涉案号码实名登记及银行开户资料`, lead, g.end, by));
  yield y(source(srcWarn, 'CALL_RECORDS', `${label} 涉诈号码外呼记录（反诈预警模型）`, lead, g.end, by));
  const stmt: string[] = [];
  if (known) {
    yield y(source(srcCdr, 'CALL_RECORDS', `${label} 团伙成员通话详单`, lead, g.end, by));
    yield y(source(srcImg, 'DEVICE_IMAGE', `${label} 扣押手机及语音网关电子数据检查笔录`, lead, g.end + 86400, by));
    for (const [i, m] of g.members.entries()) {
      const id = `src:${lead}:${slug}:stmt:${i}`;
      stmt.push(id);
      yield y(source(id, 'STATEMENT', `犯罪嫌疑人${m.person.name}讯问笔录（${g.name}）`, lead, g.end + 86400 * (1 + (i % 10)), by));
    }
  }

  // People and their identifiers. Unknown gangs show only what victims and banks saw.
  const sellerNodes: NodeRecord[] = [];
  if (known) {
    yield y(node('Gang', g.id, lead, { name: g.name, baseCountry: g.base.country, baseProvince: g.base.province, baseCity: g.base.city }));
    for (const m of g.members) {
      yield y(personNode(m.person, lead));
      yield y(phoneNode(m.phone, lead));
      yield y(deviceNode(m.device, lead));
      if (m.telegram) yield y(accountNode(m.telegram, lead));
    }
    for (const d of g.gateways) yield y(deviceNode(d, lead));
    for (const s of g.sellers) {
      const seller = world.sellers[s.seller]!;
      if (!seller.gangs.includes(g.id)) seller.gangs.push(g.id);
      if (!seller.emitted) {
        seller.emitted = true;
        sellerNodes.push(personNode(seller.person, lead), phoneNode(seller.phone, lead));
      }
    }
    for (const n of sellerNodes) yield y(n);
  }
  // What police of an unidentified gang have is what its cases and call records show.
  const usedAccounts = known ? undefined : new Set(g.cases.map((c) => c.scamAccount?.id));
  for (const m of g.members) {
    for (const p of m.scamPhones) yield y(phoneNode(p, lead));
    for (const a of m.scamAccounts) if (!usedAccounts || usedAccounts.has(a.id)) yield y(accountNode(a, lead));
  }
  for (const c of g.cards) yield y(cardNode(c, lead));

  if (known) {
    const reg = [srcReg];
    for (const [i, m] of g.members.entries()) {
      const s = [stmt[i]!];
      const pid = m.person.id;
      yield y(link('MEMBER_OF', pid, g.id, lead, s, { layer: m.layer as GangLayer, since: iso(m.since) }));
      if (m.boss >= 0) yield y(link('REPORTS_TO', pid, g.members[m.boss]!.person.id, lead, s));
      for (const [k, how] of m.knows) yield y(link('KNOWS', pid, g.members[k]!.person.id, lead, s, { how }));
      yield y(link('USES', pid, m.phone.id, lead, reg));
      yield y(link('USES', pid, m.device.id, lead, [srcImg]));
      for (const p of m.scamPhones) yield y(link('USES', pid, p.id, lead, [srcImg, s[0]!]));
      for (const a of m.scamAccounts) yield y(link('OWNS', pid, a.id, lead, [srcImg]));
      if (m.telegram) yield y(link('OWNS', pid, m.telegram.id, lead, [srcImg]));
      for (const c of m.cards) yield y(link('HOLDS', pid, g.cards[c]!.id, lead, [srcBank, s[0]!]));
    }
    const logistics = g.members.findIndex((m) => m.layer === 'LOGISTICS');
    for (const d of g.gateways) if (logistics >= 0) yield y(link('USES', g.members[logistics]!.person.id, d.id, lead, [srcImg]));
    const newSellers = new Set(sellerNodes.map((n) => n.id));
    const knows = new Set<string>();
    for (const s of g.sellers) {
      const seller = world.sellers[s.seller]!;
      if (newSellers.delete(seller.person.id)) yield y(link('USES', seller.person.id, seller.phone.id, lead, reg));
      const k = `${s.seller}|${s.member}`;
      if (knows.has(k)) continue;
      knows.add(k);
      yield y(link('KNOWS', seller.person.id, g.members[s.member]!.person.id, lead, [stmt[s.member]!], { how: s.how }));
    }
  }
  const bank = [srcBank];
  for (const t of g.noise) yield y(transferred(t, lead, bank));
  if (known) {
    const cdr = [srcCdr];
    for (const c of g.internalCalls) yield y(called(c, lead, cdr));
    const img = [srcImg];
    for (const c of g.internalContacts) yield y(contacted(c, lead, img));
  }

  // Cases, each under the agency that filed it.
  const restated = new Set<string>();
  for (const c of g.cases) yield* emitCase(world, g, c, restated, stmt, y);

  // People the gang's phones called who have not (yet) become victims.
  const warn = [srcWarn];
  for (const t of g.targets) {
    yield y(phoneNode(t.phone, lead));
    if (t.person) {
      yield y(personNode(t.person, lead));
      yield y(link('USES', t.person.id, t.phone.id, lead, [srcReg]));
    }
    for (const c of t.calls) yield y(called(c, lead, warn));
  }

  if (truth) emitTruth(g, truth);
}

function* emitCase(
  world: World,
  g: GangP,
  c: CaseP,
  restated: Set<string>,
  stmt: string[],
  y: (r: BundleRecord) => BundleRecord,
): Generator<BundleRecord> {
  const owner = c.owner.id;
  const region = REGIONS[c.region]!;
  const by = `${c.owner.name}${c.station}`;
  const srcReport = `src:${owner}:${c.caseNo}:report`;
  const srcBank = `src:${owner}:${c.caseNo}:bank`;
  const srcCdr = `src:${owner}:${c.caseNo}:cdr`;
  const srcChat = `src:${owner}:${c.caseNo}:chat`;
  yield y(source(srcReport, 'REPORT', `${c.station} 受案登记表及受害人${c.victim.name}询问笔录（${c.caseNo}）`, owner, c.reportedAt, by));
  if (c.transfers.length > 0) yield y(source(srcBank, 'BANK_STATEMENT', `${c.caseNo} 受害人及涉案账户交易流水`, owner, c.reportedAt + 3600, by));
  if (c.calls.length > 0) yield y(source(srcCdr, 'CALL_RECORDS', `${c.caseNo} 受害人手机通话详单`, owner, c.reportedAt + 7200, by));
  if (c.contacts.length > 0) yield y(source(srcChat, 'CHAT_LOG', `${c.caseNo} 受害人${c.victimAccount?.platform ?? ''}聊天记录电子数据提取`, owner, c.reportedAt + 7200, by));

  yield y(
    node('Case', c.id, owner, {
      caseNo: c.caseNo,
      category: c.category,
      channel: c.channel,
      status: c.status,
      reportedAt: iso(c.reportedAt),
      province: region.province,
      city: region.city,
      district: region.district,
      station: c.station,
      loss: c.loss,
      stopped: c.stopped,
      returned: c.returned,
      summary: c.summary,
    }),
  );
  yield y(personNode(c.victim, owner));
  yield y(phoneNode(c.victimPhone, owner));
  yield y(cardNode(c.victimCard, owner));
  if (c.victimAccount) yield y(accountNode(c.victimAccount, owner));
  // What this agency recorded, under its own name: the gang's identifiers it saw, and every other
  // node its links reach — its bank statements name the cards down the trail, its call records the
  // phones and hotlines, its suspects' statements the people — so that its own money trail does
  // not stop where another agency's card begins. The lead agency states its gang's nodes with the
  // gang, and restates here only the public hotlines its cases reach.
  const restate = function* (id: string, make: () => NodeRecord): Generator<BundleRecord> {
    const k = `${owner}|${id}`;
    if (!restated.has(k)) {
      restated.add(k);
      yield y(make());
    }
  };
  const lead = owner === g.lead.id;
  const own = new Set([c.victim.id, c.victimPhone.id, c.victimCard.id, c.victimAccount?.id]);
  // `make` absent: the id is restated only if it is a hotline.
  const recorded = function* (id: string, make?: () => NodeRecord): Generator<BundleRecord> {
    const hub = HUB_BY_ID.get(id);
    if (hub) yield* restate(id, () => node(hub.label, hub.id, owner, hub.props));
    else if (make && !lead && !own.has(id)) yield* restate(id, make);
  };
  if (c.scamPhone) yield* recorded(c.scamPhone.id, () => phoneNode(c.scamPhone!, owner));
  if (c.scamAccount) yield* recorded(c.scamAccount.id, () => accountNode(c.scamAccount!, owner));
  for (const k of c.collection) yield* recorded(k.id, () => cardNode(k, owner));
  for (const h of c.hubs) yield* recorded(h.id);
  for (const s of c.suspects) yield* recorded(g.members[s]!.person.id, () => personNode(g.members[s]!.person, owner));
  for (const k of c.calls) for (const p of [k.from, k.to]) yield* recorded(p.id, () => phoneNode(p, owner));
  for (const k of c.contacts) for (const a of [k.from, k.to]) yield* recorded(a.id, () => accountNode(a, owner));
  for (const t of c.transfers) for (const tx of t.trail) for (const k of [tx.from, tx.to]) yield* recorded(k.id, () => cardNode(k, owner));

  const report = [srcReport];
  const bank = [srcBank];
  yield y(link('VICTIM_IN', c.victim.id, c.id, owner, report));
  yield y(link('USES', c.victim.id, c.victimPhone.id, owner, report));
  if (!c.victimCard.corporate) yield y(link('HOLDS', c.victim.id, c.victimCard.id, owner, c.transfers.length > 0 ? bank : report));
  if (c.victimAccount) yield y(link('OWNS', c.victim.id, c.victimAccount.id, owner, report));
  yield y(link('INVOLVES', c.id, c.victimCard.id, owner, report, { how: c.victimCard.corporate ? '受害单位对公账户' : '受害人付款账户' }));
  for (const k of c.collection) yield y(link('INVOLVES', c.id, k.id, owner, bank, { how: '接收受害人转账的一级卡' }));
  if (c.scamPhone) yield y(link('INVOLVES', c.id, c.scamPhone.id, owner, report, { how: c.channel === 'SMS' ? '发送诈骗短信的号码' : '与受害人通话的诈骗电话' }));
  if (c.scamAccount) yield y(link('INVOLVES', c.id, c.scamAccount.id, owner, report, { how: '与受害人联系的诈骗账号' }));
  for (const h of c.hubs) yield y(link('INVOLVES', c.id, h.id, owner, report, { how: h.how }));
  for (const s of c.suspects) yield y(link('SUSPECT_IN', g.members[s]!.person.id, c.id, owner, [stmt[s] ?? srcReport, srcReport]));
  const cdr = [srcCdr];
  for (const k of c.calls) yield y(called(k, owner, cdr));
  const chat = [srcChat];
  for (const k of c.contacts) yield y(contacted(k, owner, chat));
  for (const t of c.transfers) for (const tx of t.trail) yield y(transferred(tx, owner, bank));
  void world;
}

function emitTruth(g: GangP, sink: TruthSink): void {
  const caseIds = g.cases.map((c) => c.id);
  const members = g.members.map((m) => {
    const r: TruthGang['members'][number] = {
      person: m.person.id,
      name: m.person.name,
      layer: m.layer,
      inBundle: g.known,
    };
    if (m.boss >= 0) r.reportsTo = g.members[m.boss]!.person.id;
    return r;
  });
  const phones = new Set<string>();
  const accounts = new Set<string>();
  for (const m of g.members) {
    if (g.known) phones.add(m.phone.id);
    for (const p of m.scamPhones) phones.add(p.id);
    for (const a of m.scamAccounts) accounts.add(a.id);
    if (g.known && m.telegram) accounts.add(m.telegram.id);
  }
  const devices = g.known ? [...g.members.map((m) => m.device.id), ...g.gateways.map((d) => d.id)] : [];
  let loss = 0;
  let stopped = 0;
  for (const c of g.cases) {
    loss += c.loss;
    stopped += c.stopped;
  }
  const frozenCards = g.cards.filter((c) => c.frozenAt !== Infinity);
  sink({
    kind: 'gang',
    id: g.id,
    name: g.name,
    known: g.known,
    crew: g.crew,
    base: { country: g.base.country, province: g.base.province, city: g.base.city },
    lead: g.lead.id,
    members,
    cases: caseIds,
    categories: g.categories,
    identifiers: { phones: [...phones], accounts: [...accounts], cards: g.cards.map((c) => c.id), devices },
    loss,
    stopped,
    frozen: frozenCards.reduce((s, c) => s + c.frozenAmount, 0),
    frozenCards: frozenCards.length,
  });

  // Case series: cases that share an identifier they involve (not a hub) or a suspect.
  const firstSeen = new Map<string, number>();
  const pairs: [number, number][] = [];
  g.cases.forEach((c, i) => {
    const keys: string[] = c.collection.map((k) => k.id);
    if (c.scamPhone) keys.push(c.scamPhone.id);
    if (c.scamAccount) keys.push(c.scamAccount.id);
    for (const s of c.suspects) keys.push(g.members[s]!.person.id);
    for (const k of keys) {
      if (HUB_IDS.has(k)) continue;
      const j = firstSeen.get(k);
      if (j === undefined) firstSeen.set(k, i);
      else pairs.push([j, i]);
    }
  });
  for (const grp of groups(g.cases.length, pairs)) if (grp.length > 1) sink({ kind: 'series', gang: g.id, cases: grp.map((i) => caseIds[i]!) });

  for (const c of g.cases) {
    for (const t of c.transfers) {
      sink({
        kind: 'trail',
        case: c.id,
        gang: g.id,
        txId: t.first.txId,
        from: t.first.from.id,
        amount: t.first.amount,
        at: iso(t.first.at),
        transfers: t.trail.map((x) => ({ txId: x.txId, from: x.from.id, to: x.to.id, amount: x.amount, at: iso(x.at), layer: x.layer })),
        cashOuts: t.cashOuts.map((h) => ({ card: h.card.id, amount: h.amount, at: iso(h.at) })),
        frozen: t.frozen.map((h) => ({ card: h.card.id, amount: h.amount, at: iso(h.at) })),
      });
    }
  }
  for (const t of g.targets) {
    const r: TruthRecord = {
      kind: 'warning',
      gang: g.id,
      phone: t.phone.id,
      calledBy: [...new Set(t.calls.map((c) => c.from.id))],
      firstCalledAt: iso(t.calls[0]!.at),
    };
    if (t.person) r.person = t.person.id;
    sink(r);
  }
}
