/**
 * The demo `npm start` loads on first run: the stories of the Shanghai anti-fraud centre's report,
 * as data an investigator can click through, inside a small city-like year of other cases.
 *
 * - Ms Wang (王桂芳, 徐汇): a "police officer" calls about money laundering; the centre's 96110 line
 *   calls her back and officers reach her before she pays. Loss 0.
 * - The finance clerk (陈静) of 上海鑫源国际贸易有限公司 is told by a fake boss in a QQ group to pay
 *   37.69万 to a corporate account; the payment is stopped on the first account and returned.
 * - Ms Wu (吴丽华, 闵行) pays 98万 to a "safe account" in three transfers; the cards are frozen five
 *   minutes after her report and all of it is returned.
 * - The "7·30" gang: managers in Sihanoukville, callers abroad and at home, a money layer of card
 *   holders across provinces; 1,400万 frozen at the takedown. The case that named it was reported
 *   on 30 July 2024; Ms Wang's caller and Ms Wu's cards belong to it.
 *
 * Every number an investigator would type is fixed here and listed in seed/README.md.
 */
import { CASE_CATEGORIES, type CaseCategory } from '../../server/src/domain/model';
import { CASE_SHARE } from './calibration';
import { luhnDigit } from './ids';
import { BANKS } from './names';
import type { GangSpec, ScaleParams } from './plan';
import type { AccountP, CardP, CaseP, GangP, PersonP, PhoneP } from './plan-types';
import { agency, BASES, REGIONS, type Base } from './places';
import type { Rng } from './rng';
import { at, DAY, MINUTE } from './time';
import type { World } from './world';

export const DEMO_PARAMS: ScaleParams = { shanghaiShare: 0.85, membersPerCase: 0.5, targetsPerCase: 2, quickReport: 0.2 };

/** The numbers and names seed/README.md lists; the demo test checks each one is in the bundle. */
export const DEMO = {
  gang730: { id: 'gang:730-sihanoukville', name: '“7·30”特大跨境电信网络诈骗犯罪集团', frozen: 14_000_000_00 },
  callerPhone: '+8617093073001',
  boss: { name: '林海峰', alias: '峰哥', phone: '+85597730730', telegram: 'haifeng_730' },
  deputy: { name: '郑志强', alias: '阿强' },
  callerLead: { name: '陈文杰', alias: '文哥' },
  moneyHead: { name: '黄建平', alias: '老黄' },
  wuMule: { name: '刘海涛' },
  origin: { caseNo: 'A310115000000202407900730', victim: '赵建国', phone: '+8613901730730' },
  wang: { caseNo: 'A310104000000202409900912', victim: '王桂芳', phone: '+8613917730912' },
  wu: {
    caseNo: 'A310112000000202408900821',
    victim: '吴丽华',
    phone: '+8613916730821',
    card: '6212261001730821007',
    cards: ['6212261002730821001', '6212261002730821002', '6212261002730821003'],
  },
  clerk: {
    caseNo: 'A310115000000202410901015',
    victim: '陈静',
    phone: '+8613916731015',
    qq: '1735209',
    company: '上海鑫源国际贸易有限公司',
    companyAccount: '10012730073001015376',
    fakeBossQQ: '88730730',
    shellAccount: '14072730073001015901',
    shellCompany: '龙岩市恒通达商贸有限公司',
  },
} as const;

/**
 * The node a search must find: by id, or for a person (whose id is a generated national ID) by
 * name and the case they are a victim in or the gang they belong to.
 */
export type DemoSearchTarget = { id: string } | { person: string; of: string };

export interface DemoSearch {
  story: 'wang' | 'clerk' | 'wu' | '730' | 'hubs';
  /** What an investigator types, as seed/README.md lists it. */
  text: string;
  finds: DemoSearchTarget;
}

const caseId = (caseNo: string): string => `case:${caseNo}`;
const lastFour = (number: string): string => number.slice(-4);

/**
 * Every number and name seed/README.md lists for the demo's stories, with what searching it finds:
 * phone numbers, card and account numbers and their last four digits, case numbers, names and
 * nicknames, company names, QQ and Telegram handles, the gang, and the hubs. demo-scenario.test.ts
 * checks each is in the bundle, test/api/demo-search.test.ts that the API's search finds it.
 */
export const DEMO_SEARCHES: readonly DemoSearch[] = [
  { story: 'wang', text: DEMO.wang.victim, finds: { person: DEMO.wang.victim, of: caseId(DEMO.wang.caseNo) } },
  { story: 'wang', text: DEMO.callerPhone, finds: { id: `phone:${DEMO.callerPhone}` } },
  { story: 'wang', text: DEMO.wang.caseNo, finds: { id: caseId(DEMO.wang.caseNo) } },
  { story: 'wang', text: DEMO.wang.phone, finds: { id: `phone:${DEMO.wang.phone}` } },

  { story: 'clerk', text: DEMO.clerk.victim, finds: { person: DEMO.clerk.victim, of: caseId(DEMO.clerk.caseNo) } },
  { story: 'clerk', text: DEMO.clerk.company, finds: { id: `card:${DEMO.clerk.companyAccount}` } },
  { story: 'clerk', text: DEMO.clerk.fakeBossQQ, finds: { id: `qq:${DEMO.clerk.fakeBossQQ}` } },
  { story: 'clerk', text: DEMO.clerk.companyAccount, finds: { id: `card:${DEMO.clerk.companyAccount}` } },
  { story: 'clerk', text: lastFour(DEMO.clerk.companyAccount), finds: { id: `card:${DEMO.clerk.companyAccount}` } },
  { story: 'clerk', text: DEMO.clerk.shellCompany, finds: { id: `card:${DEMO.clerk.shellAccount}` } },
  { story: 'clerk', text: DEMO.clerk.shellAccount, finds: { id: `card:${DEMO.clerk.shellAccount}` } },
  { story: 'clerk', text: lastFour(DEMO.clerk.shellAccount), finds: { id: `card:${DEMO.clerk.shellAccount}` } },
  { story: 'clerk', text: DEMO.clerk.caseNo, finds: { id: caseId(DEMO.clerk.caseNo) } },
  { story: 'clerk', text: DEMO.clerk.qq, finds: { id: `qq:${DEMO.clerk.qq}` } },
  { story: 'clerk', text: DEMO.clerk.phone, finds: { id: `phone:${DEMO.clerk.phone}` } },

  { story: 'wu', text: DEMO.wu.victim, finds: { person: DEMO.wu.victim, of: caseId(DEMO.wu.caseNo) } },
  { story: 'wu', text: DEMO.wu.card, finds: { id: `card:${DEMO.wu.card}` } },
  { story: 'wu', text: lastFour(DEMO.wu.card), finds: { id: `card:${DEMO.wu.card}` } },
  ...DEMO.wu.cards.flatMap((card) => [
    { story: 'wu' as const, text: card, finds: { id: `card:${card}` } },
    { story: 'wu' as const, text: lastFour(card), finds: { id: `card:${card}` } },
  ]),
  { story: 'wu', text: DEMO.wuMule.name, finds: { person: DEMO.wuMule.name, of: DEMO.gang730.id } },
  { story: 'wu', text: DEMO.wu.caseNo, finds: { id: caseId(DEMO.wu.caseNo) } },
  { story: 'wu', text: DEMO.wu.phone, finds: { id: `phone:${DEMO.wu.phone}` } },

  { story: '730', text: DEMO.gang730.name, finds: { id: DEMO.gang730.id } },
  { story: '730', text: '7·30', finds: { id: DEMO.gang730.id } },
  { story: '730', text: DEMO.gang730.id, finds: { id: DEMO.gang730.id } },
  { story: '730', text: DEMO.origin.victim, finds: { person: DEMO.origin.victim, of: caseId(DEMO.origin.caseNo) } },
  { story: '730', text: DEMO.origin.phone, finds: { id: `phone:${DEMO.origin.phone}` } },
  { story: '730', text: DEMO.origin.caseNo, finds: { id: caseId(DEMO.origin.caseNo) } },
  { story: '730', text: DEMO.boss.name, finds: { person: DEMO.boss.name, of: DEMO.gang730.id } },
  { story: '730', text: DEMO.boss.alias, finds: { person: DEMO.boss.name, of: DEMO.gang730.id } },
  { story: '730', text: DEMO.boss.phone, finds: { id: `phone:${DEMO.boss.phone}` } },
  { story: '730', text: DEMO.boss.telegram, finds: { id: `telegram:${DEMO.boss.telegram}` } },
  { story: '730', text: DEMO.deputy.name, finds: { person: DEMO.deputy.name, of: DEMO.gang730.id } },
  { story: '730', text: DEMO.deputy.alias, finds: { person: DEMO.deputy.name, of: DEMO.gang730.id } },
  { story: '730', text: DEMO.callerLead.name, finds: { person: DEMO.callerLead.name, of: DEMO.gang730.id } },
  { story: '730', text: DEMO.callerLead.alias, finds: { person: DEMO.callerLead.name, of: DEMO.gang730.id } },
  { story: '730', text: DEMO.moneyHead.name, finds: { person: DEMO.moneyHead.name, of: DEMO.gang730.id } },

  ...['95588', '95533', '95188', '95017', '96110'].map((n) => ({ story: 'hubs' as const, text: n, finds: { id: `phone:${n}` } })),
  { story: 'hubs', text: 'mac:3c-46-d8-1a-07-5e', finds: { id: 'mac:3c-46-d8-1a-07-5e' } },
];

const withLuhn = (first18: string): string => first18 + luhnDigit(first18);
const regionIdx = (code: string): number => REGIONS.findIndex((r) => r.code === code);
const phone = (number: string, carrier: string, homeRegion: string): PhoneP => ({ id: `phone:${number}`, number, carrier, homeRegion });

function storyPerson(world: World, rng: Rng, name: string, gender: 'F' | 'M', birthYear: number, regionCode: string): PersonP {
  const p = world.person(rng, { region: regionIdx(regionCode), gender, birthYear });
  p.name = name;
  return p;
}

function storyCard(number: string, bankIndex: number, holderName: string, corporate: boolean): CardP {
  return {
    id: `card:${number}`,
    number,
    bank: BANKS[bankIndex]!,
    holderName,
    holder: -1,
    corporate,
    layer: 0,
    busyUntil: -Infinity,
    uses: 0,
    firstUse: Infinity,
    frozenAt: Infinity,
    frozenAmount: 0,
    retired: false,
  };
}

function rename(card: CardP, number: string): void {
  card.number = number;
  card.id = `card:${number}`;
}

const wan = (w: number): number => Math.round(w * 10_000 * 100);

function stories730(g: GangP, world: World, rng: Rng): Partial<CaseP>[] {
  const leadIdx = g.members.findIndex((m) => m.layer === 'CALLER' && m.lead);
  const lead = g.members[leadIdx]!;
  lead.person.name = DEMO.callerLead.name;
  lead.person.aliases = [DEMO.callerLead.alias];
  const p = lead.scamPhones[0]!;
  p.number = DEMO.callerPhone;
  p.id = `phone:${DEMO.callerPhone}`;
  p.carrier = '虚拟运营商(话机通信)';
  p.homeRegion = '海南儋州';
  const otherCaller = g.members.findIndex((m, i) => m.layer === 'CALLER' && i !== leadIdx);

  const xuhui = agency('sh-xuhui-psb');
  const minhang = agency('sh-minhang-psb');
  const pudong = agency('sh-pudong-psb');
  const wang = storyPerson(world, rng, DEMO.wang.victim, 'F', 1956, '310104');
  const wangPhone = phone(DEMO.wang.phone, '中国移动', '上海');
  const wu = storyPerson(world, rng, DEMO.wu.victim, 'F', 1966, '310112');
  const wuPhone = phone(DEMO.wu.phone, '中国移动', '上海');
  const zhao = storyPerson(world, rng, DEMO.origin.victim, 'M', 1958, '310115');
  const zhaoPhone = phone(DEMO.origin.phone, '中国移动', '上海');

  return [
    {
      story: 'origin',
      caseNo: DEMO.origin.caseNo,
      category: 'IMPERSONATE_AUTHORITY',
      channel: 'PHONE',
      owner: pudong,
      region: regionIdx('310115'),
      station: '花木派出所',
      caller: leadIdx,
      scamPhone: p,
      victim: zhao,
      victimPhone: zhaoPhone,
      firstContact: at('2024-07-29', '13:22:10'),
      transferAmounts: [wan(52), wan(38.6), wan(24), wan(14)],
      transferTimes: [at('2024-07-29', '14:10:32'), at('2024-07-29', '14:47:05'), at('2024-07-29', '15:31:48'), at('2024-07-29', '16:02:19')],
      loss: wan(128.6),
      reportedAt: at('2024-07-30', '09:15:00'),
      freezeAt: Infinity,
      status: 'SOLVED',
      summary:
        '2024年7月29日，受害人赵建国接到自称“上海市公安局”民警的电话，称其身份证被用于洗钱，要求其将存款转入“安全账户”配合“资金清查”，先后转账4笔共计128.6万元。次日报案后，上海市公安局反诈中心成立“7·30”专案组，顺线追踪至境外诈骗集团。',
    },
    {
      story: 'wu',
      caseNo: DEMO.wu.caseNo,
      category: 'IMPERSONATE_AUTHORITY',
      channel: 'PHONE',
      owner: minhang,
      region: regionIdx('310112'),
      station: '莘庄派出所',
      caller: otherCaller >= 0 ? otherCaller : leadIdx,
      victim: wu,
      victimPhone: wuPhone,
      victimCard: storyCard(DEMO.wu.card, 0, DEMO.wu.victim, false),
      firstContact: at('2024-08-21', '09:12:40'),
      transferAmounts: [wan(40), wan(35), wan(23)],
      transferTimes: [at('2024-08-21', '10:05:11'), at('2024-08-21', '10:21:37'), at('2024-08-21', '10:34:02')],
      loss: wan(98),
      reportedAt: at('2024-08-21', '10:42:00'),
      freezeAt: at('2024-08-21', '10:47:00'),
      keepWhole: true,
      returned: wan(98),
      status: 'SOLVED',
      summary:
        '2024年8月21日，受害人吴丽华接到冒充“检察院”的电话，被要求将98万元转入“安全账户”，先后转账3笔。10时42分报警，反诈中心5分钟内对涉案账户紧急止付冻结，98万元全部冻结并已返还受害人。',
    },
    {
      story: 'wang',
      caseNo: DEMO.wang.caseNo,
      category: 'IMPERSONATE_AUTHORITY',
      channel: 'PHONE',
      owner: xuhui,
      region: regionIdx('310104'),
      station: '天平路派出所',
      caller: leadIdx,
      scamPhone: p,
      victim: wang,
      victimPhone: wangPhone,
      firstContact: at('2024-09-12', '09:31:05'),
      transferAmounts: [],
      transferTimes: [],
      loss: 0,
      reportedAt: at('2024-09-12', '10:30:00'),
      freezeAt: Infinity,
      returned: 0,
      status: 'CLOSED',
      calls: [
        { from: p, to: wangPhone, at: at('2024-09-12', '09:31:05'), seconds: 1560 },
        { from: phone('96110', '反诈预警专线', '上海'), to: wangPhone, at: at('2024-09-12', '09:52:40'), seconds: 184 },
        { from: p, to: wangPhone, at: at('2024-09-12', '10:02:18'), seconds: 95 },
      ],
      hubs: [],
      summary:
        '2024年9月12日，王桂芳（68岁）接到自称“上海市公安局”民警的电话，称其涉嫌洗钱，要求其到银行转账。反诈中心预警模型发现该号码，96110专线回拨劝阻，天平路派出所民警10时15分上门，王女士尚未转账，未造成损失。',
    },
  ];
}

function after730(g: GangP): void {
  const managers = g.members.filter((m) => m.layer === 'MANAGEMENT');
  const boss = managers[0]!;
  boss.person.name = DEMO.boss.name;
  boss.person.aliases = [DEMO.boss.alias];
  Object.assign(boss.phone, { id: `phone:${DEMO.boss.phone}`, number: DEMO.boss.phone, carrier: 'Metfone (柬埔寨)', homeRegion: '柬埔寨' });
  if (boss.telegram) Object.assign(boss.telegram, { id: `telegram:${DEMO.boss.telegram}`, handle: DEMO.boss.telegram });
  if (managers[1]) {
    managers[1].person.name = DEMO.deputy.name;
    managers[1].person.aliases = [DEMO.deputy.alias];
  }
  const head = g.members.find((m) => m.layer === 'MONEY' && m.lead);
  if (head) {
    head.person.name = DEMO.moneyHead.name;
    head.person.aliases = [DEMO.moneyHead.alias];
  }
  const wu = g.cases.find((c) => c.story === 'wu')!;
  wu.collection.forEach((card, i) => {
    if (i < DEMO.wu.cards.length) rename(card, DEMO.wu.cards[i]!);
  });
  const mule = g.members[wu.collection[0]!.holder]!;
  mule.person.name = DEMO.wuMule.name;
  for (const c of mule.cards) if (!g.cards[c]!.corporate) g.cards[c]!.holderName = DEMO.wuMule.name;
}

function storiesBoss(g: GangP, world: World, rng: Rng): Partial<CaseP>[] {
  const callerIdx = g.members.findIndex((m) => m.layer === 'CALLER');
  const caller = g.members[callerIdx]!;
  const fakeBoss: AccountP = { id: `qq:${DEMO.clerk.fakeBossQQ}`, platform: 'QQ', handle: DEMO.clerk.fakeBossQQ };
  caller.scamAccounts = [fakeBoss];
  const clerk = storyPerson(world, rng, DEMO.clerk.victim, 'F', 1991, '310115');
  return [
    {
      story: 'clerk',
      caseNo: DEMO.clerk.caseNo,
      category: 'IMPERSONATE_BOSS',
      channel: 'NETWORK',
      owner: agency('sh-pudong-psb'),
      region: regionIdx('310115'),
      station: '张江派出所',
      caller: callerIdx,
      scamAccount: fakeBoss,
      victim: clerk,
      victimPhone: phone(DEMO.clerk.phone, '中国移动', '上海'),
      victimAccount: { id: `qq:${DEMO.clerk.qq}`, platform: 'QQ', handle: DEMO.clerk.qq },
      company: DEMO.clerk.company,
      victimCard: storyCard(DEMO.clerk.companyAccount, 0, DEMO.clerk.company, true),
      firstContact: at('2024-10-15', '13:40:26'),
      transferAmounts: [wan(37.69)],
      transferTimes: [at('2024-10-15', '14:06:50')],
      loss: wan(37.69),
      reportedAt: at('2024-10-15', '14:18:00'),
      freezeAt: at('2024-10-15', '14:25:00'),
      keepWhole: true,
      returned: wan(37.69),
      status: 'FILED',
      hubs: [],
      summary:
        '2024年10月15日，上海鑫源国际贸易有限公司财务人员陈静被拉入一个QQ工作群，群内头像、昵称与公司老板一致的QQ号要求其向“合作方”对公账户紧急付款37.69万元。转账后陈静向老板电话核实发现被骗，14时18分报警，反诈中心对收款对公账户紧急止付，37.69万元全部拦截并返还公司。',
    },
  ];
}

function afterBoss(g: GangP): void {
  const clerk = g.cases.find((c) => c.story === 'clerk')!;
  const shell = clerk.collection[0]!;
  rename(shell, DEMO.clerk.shellAccount);
  shell.holderName = DEMO.clerk.shellCompany;
}

const base = (city: string): Base => BASES.find((b) => b.city === city)!;
const counts = (m: Partial<Record<CaseCategory, number>>): number[] => CASE_CATEGORIES.map((c) => m[c] ?? 0);

/** The demo's gangs and crews, in the order they are generated. */
export function demoSpecs(rng: Rng): GangSpec[] {
  const specs: GangSpec[] = [
    {
      index: 1,
      known: true,
      crew: false,
      slug: '730-sihanoukville',
      name: DEMO.gang730.name,
      lead: agency('sh-psb'),
      base: base('西哈努克港'),
      categoryCounts: counts({ IMPERSONATE_AUTHORITY: 40, FAKE_CUSTOMER_SERVICE: 14, ONLINE_LOAN: 6 }),
      start: at('2024-03-01'),
      end: at('2024-11-20'),
      frozenTarget: DEMO.gang730.frozen,
      lossScale: 8,
      stories: stories730,
      after: after730,
    },
    {
      index: 2,
      known: true,
      crew: false,
      base: base('儋州市'),
      categoryCounts: counts({ PART_TIME_JOB: 22, ONLINE_ROMANCE: 12, FAKE_ACQUAINTANCE: 2 }),
      start: at('2024-02-10'),
      end: at('2024-09-26'),
    },
    {
      index: 3,
      known: true,
      crew: false,
      base: base('常州市'),
      categoryCounts: counts({ ONLINE_LOAN: 14, FAKE_CUSTOMER_SERVICE: 14, ONLINE_SHOPPING: 4 }),
      start: at('2024-04-01'),
      end: at('2024-12-12'),
    },
    {
      index: 4,
      known: false,
      crew: false,
      base: base('龙岩市'),
      categoryCounts: counts({ FAKE_ACQUAINTANCE: 12, ONLINE_SHOPPING: 12, OTHER: 4 }),
      start: at('2024-01-15'),
      end: at('2024-12-30'),
    },
    {
      index: 5,
      known: false,
      crew: true,
      base: base('龙岩市'),
      categoryCounts: counts({ IMPERSONATE_BOSS: 4 }),
      start: at('2024-08-01'),
      end: at('2024-12-20'),
      stories: storiesBoss,
      after: afterBoss,
    },
  ];
  const weights = CASE_CATEGORIES.map((c) => CASE_SHARE[c]);
  for (let i = 0; i < 45; i++) {
    const m: Partial<Record<CaseCategory, number>> = {};
    for (let k = rng.int(1, 3); k > 0; k--) {
      const c = CASE_CATEGORIES[rng.weighted(weights)]!;
      m[c] = (m[c] ?? 0) + 1;
    }
    const start = rng.int(0, 320) * DAY;
    specs.push({ index: 100 + i, known: false, crew: true, base: rng.pick(BASES.filter((b) => !b.abroad)), categoryCounts: counts(m), start, end: start + rng.int(10, 40) * DAY });
  }
  void MINUTE;
  return specs;
}
