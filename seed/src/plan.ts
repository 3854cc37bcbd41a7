/**
 * Plans one gang: its people in five layers, the identifiers they use, the cases they commit
 * (category, channel and loss drawn from the calibrated streams), every victim transfer's trail
 * through the card layers, freezes, the unrelated earlier transfers, the calls to people who are not
 * victims yet. Money is simulated in time order so that a frozen card never moves money afterwards.
 */
import { CASE_CATEGORIES, type CaseCategory, type GangLayer } from '../../server/src/domain/model';
import { BANK_WEIGHTS, BANKS, companyName, nickname } from './names';
import type { AccountP, CallP, CardP, CaseP, ContactP, DeviceP, GangP, Holding, MemberP, PersonP, PhoneP, TargetP, Tx, VictimTransfer } from './plan-types';
import { agency, FILING_AGENCIES, MULE_REGIONS, REGIONS, type Agency, type Base } from './places';
import { WeightTable, type Rng } from './rng';
import { summary } from './summaries';
import { DAY, HOUR, MINUTE, yyyymmdd } from './time';
import { ANTI_FRAUD_LINE, BANK_HUBS, PAYMENT_HUBS, WIFI_HUB, type World } from './world';

export interface ScaleParams {
  /** Share of cases filed by Shanghai bureaus. */
  shanghaiShare: number;
  /** Gang members per case (before mules added when cards run out). */
  membersPerCase: number;
  /** People called by a gang's phones who are not victims, per case. */
  targetsPerCase: number;
  /** Share of cases reported within minutes, in time for a freeze. */
  quickReport: number;
}

export interface GangSpec {
  index: number;
  known: boolean;
  crew: boolean;
  /** Case count per category, in CASE_CATEGORIES order. */
  categoryCounts: readonly number[];
  base: Base;
  start: number;
  end: number;
  lead?: Agency;
  slug?: string;
  name?: string;
  frozenTarget?: number;
  /** Multiplies drawn losses (demo: the "7·30" gang's victims lost far more than most). Off-calibration. */
  lossScale?: number;
  /**
   * Scripted cases (demo), drafted once the members exist so a story can name its caller: fields
   * given are kept, the rest planned as usual.
   */
  stories?: (gang: GangP, world: World, rng: Rng) => Partial<CaseP>[];
  /** Last touches to the finished plan (demo: fixed names and numbers an investigator can search). */
  after?: (gang: GangP) => void;
}

const REGION_WEIGHTS = new WeightTable(REGIONS.map((r) => r.weight));
const BASE_SLUG: Record<string, string> = {
  儋州市: 'danzhou',
  长沙市: 'changsha',
  常州市: 'changzhou',
  龙岩市: 'longyan',
  汕尾市: 'shanwei',
  宾阳县: 'binyang',
  西哈努克港: 'sihanoukville',
  妙瓦底: 'myawaddy',
  金三角经济特区: 'golden-triangle',
};

const agencyTables = new Map<number, WeightTable>();
/** Which agency files a case: Shanghai's bureaus get the given share, by resident weight. */
function agencyTable(shanghaiShare: number): WeightTable {
  let t = agencyTables.get(shanghaiShare);
  if (!t) {
    t = new WeightTable(
      FILING_AGENCIES.map((a) => {
        const w = a.regions.reduce((s, r) => s + REGIONS[r]!.weight, 0);
        return a.province === '上海市' ? w * shanghaiShare * 3 : w * (1 - shanghaiShare);
      }),
    );
    agencyTables.set(shanghaiShare, t);
  }
  return t;
}

function regionOf(rng: Rng, province: string, city: string): number {
  const exact = REGIONS.findIndex((r) => r.province === province && r.city === city);
  if (exact >= 0) return exact;
  const same = REGIONS.map((r, i) => [r, i] as const).filter(([r]) => r.province === province);
  return same.length > 0 ? rng.pick(same)[1] : rng.from(REGION_WEIGHTS);
}

const regionIndex = (code: string): number => REGIONS.findIndex((r) => r.code === code);
const MULE_REGION_IDX = MULE_REGIONS.map(regionIndex);

/** Birth years of victims by category: older people get the "police" calls, students the part-time jobs. */
const VICTIM_AGE: Record<CaseCategory, [number, number, number]> = {
  ONLINE_SHOPPING: [1982, 2005, 0.6],
  ONLINE_LOAN: [1978, 2002, 0.4],
  PART_TIME_JOB: [1985, 2005, 0.65],
  FAKE_CUSTOMER_SERVICE: [1970, 2000, 0.55],
  FAKE_ACQUAINTANCE: [1950, 1992, 0.5],
  ONLINE_ROMANCE: [1965, 1995, 0.55],
  IMPERSONATE_AUTHORITY: [1945, 1980, 0.6],
  IMPERSONATE_BOSS: [1980, 1999, 0.8],
  OTHER: [1985, 2006, 0.5],
};

/** Victim transfers per case by category: romance and part-time jobs are paid in many instalments. */
const TRANSFERS: Record<CaseCategory, [number, number]> = {
  ONLINE_SHOPPING: [1, 2],
  ONLINE_LOAN: [1, 4],
  PART_TIME_JOB: [2, 6],
  FAKE_CUSTOMER_SERVICE: [1, 4],
  FAKE_ACQUAINTANCE: [1, 2],
  ONLINE_ROMANCE: [2, 7],
  IMPERSONATE_AUTHORITY: [1, 5],
  IMPERSONATE_BOSS: [1, 2],
  OTHER: [1, 3],
};

/** Seconds between two instalments of one case. */
function instalmentGap(rng: Rng, category: CaseCategory): number {
  const slow = category === 'ONLINE_ROMANCE' || category === 'PART_TIME_JOB' || category === 'ONLINE_LOAN';
  return Math.round(slow ? Math.min(20 * DAY, Math.max(10 * MINUTE, rng.logNormal(1.5 * DAY, 1.2))) : Math.min(2 * DAY, Math.max(3 * MINUTE, rng.logNormal(25 * MINUTE, 0.9))));
}

/** Seconds of grooming before the first payment. */
function groomingTime(rng: Rng, category: CaseCategory): number {
  if (category === 'ONLINE_ROMANCE') return Math.round(rng.logNormal(20 * DAY, 0.6));
  if (category === 'PART_TIME_JOB' || category === 'FAKE_ACQUAINTANCE') return Math.round(rng.logNormal(1 * DAY, 1));
  return Math.round(Math.max(5 * MINUTE, rng.logNormal(50 * MINUTE, 0.8)));
}

const LAYER_COUNT_WEIGHTS = new WeightTable([0.25, 0.35, 0.25, 0.15]); // 2, 3, 4, 5 card layers

export class GangPlanner {
  readonly gang: GangP;
  private readonly pools = new Map<string, CardP[]>();
  private readonly agencyWeights: WeightTable;
  private readonly fixedStatus = new Set<CaseP>();

  constructor(
    private readonly world: World,
    private readonly params: ScaleParams,
    private readonly spec: GangSpec,
    private readonly rng: Rng,
  ) {
    const base = spec.base;
    const slug = spec.slug ?? `${String(spec.index).padStart(5, '0')}-${spec.crew ? 'crew' : (BASE_SLUG[base.city] ?? 'gang')}`;
    const categories = CASE_CATEGORIES.filter((_, i) => (spec.categoryCounts[i] ?? 0) > 0);
    this.gang = {
      index: spec.index,
      id: `gang:${slug}`,
      slug,
      name: spec.name ?? '',
      known: spec.known,
      crew: spec.crew,
      base,
      lead: spec.lead ?? FILING_AGENCIES[0]!,
      start: spec.start,
      end: spec.end,
      members: [],
      cards: [],
      gateways: [],
      cases: [],
      targets: [],
      noise: [],
      internalCalls: [],
      internalContacts: [],
      sellers: [],
      categories,
      frozenTarget: spec.frozenTarget,
    };
    this.agencyWeights = agencyTable(params.shanghaiShare);
  }

  plan(): GangP {
    this.planMembers();
    this.planCases();
    this.planMoney();
    this.settleCases();
    if (this.gang.known) this.takedown();
    this.planNoise();
    if (this.gang.known) this.planInternal();
    this.planTargets();
    if (!this.spec.lead) this.gang.lead = this.gang.known ? this.leadAgency() : (this.gang.cases[0]?.owner ?? this.gang.lead);
    if (!this.spec.name) this.gang.name = this.gangName();
    this.spec.after?.(this.gang);
    return this.gang;
  }

  // ---------------------------------------------------------------- people

  private newMember(layer: GangLayer, boss: number, lead = false): MemberP {
    const { rng, world, gang } = this;
    const base = gang.base;
    const region =
      layer === 'MONEY'
        ? rng.pick(MULE_REGION_IDX)
        : base.abroad
          ? rng.chance(0.5)
            ? rng.pick(MULE_REGION_IDX)
            : rng.from(REGION_WEIGHTS)
          : rng.chance(0.7)
            ? regionOf(rng, base.province, base.city)
            : rng.pick(MULE_REGION_IDX);
    const person = world.person(rng, {
      region,
      gender: layer === 'CALLER' ? (rng.chance(0.7) ? 'M' : 'F') : rng.chance(0.85) ? 'M' : 'F',
      birthYear: layer === 'MANAGEMENT' ? rng.int(1972, 1992) : rng.int(1980, 2004),
    });
    if (layer === 'MANAGEMENT' || lead || rng.chance(0.15)) person.aliases = [nickname(rng, person.name)];
    const abroad = base.abroad && layer !== 'MONEY' && layer !== 'LOGISTICS';
    const phone: PhoneP = abroad ? { ...world.ids.foreign(base.dial), homeRegion: base.country } : world.phone(rng, region);
    const scamPhones: PhoneP[] = [];
    const scamAccounts: AccountP[] = [];
    if (layer === 'CALLER') {
      const n = rng.int(1, 2);
      for (let i = 0; i < n; i++) {
        const v = abroad && rng.chance(0.5) ? { ...world.ids.foreign(base.dial), homeRegion: base.country } : { ...world.ids.virtual(), homeRegion: REGIONS[rng.pick(MULE_REGION_IDX)]!.province };
        scamPhones.push(v);
      }
      const k = rng.int(1, 3);
      for (let i = 0; i < k; i++) {
        const r = rng.next();
        scamAccounts.push(r < 0.5 ? { ...world.ids.qq(), platform: 'QQ' } : r < 0.92 ? { ...world.ids.wechat(rng), platform: 'WECHAT' } : { ...world.ids.alipay(rng), platform: 'ALIPAY' });
      }
    }
    const telegram = layer === 'MANAGEMENT' || layer === 'TECH' || lead ? { ...world.ids.telegram(rng), platform: 'TELEGRAM' as const } : undefined;
    const m: MemberP = {
      person,
      layer,
      boss,
      since: Math.max(-300 * DAY, gang.start - rng.int(0, 200) * DAY),
      phone,
      device: world.ids.imei(),
      scamPhones,
      scamAccounts,
      telegram,
      cards: [],
      lead,
      knows: [],
    };
    gang.members.push(m);
    return m;
  }

  private planMembers(): void {
    const { rng, gang, spec } = this;
    const total = spec.categoryCounts.reduce((a, b) => a + b, 0);
    const size = spec.crew ? rng.int(3, 5) : Math.max(10, Math.round(total * this.params.membersPerCase * (0.8 + 0.4 * rng.next())));
    const mgmt = spec.crew ? 1 : Math.max(size >= 20 ? 2 : 1, Math.round(size * 0.03));
    const tech = spec.crew ? 0 : Math.max(1, Math.round(size * 0.05));
    const logistics = spec.crew ? 0 : Math.max(1, Math.round(size * 0.07));
    const callers = spec.crew ? 1 : Math.max(2, Math.round(size * 0.33));
    const money = Math.max(2, size - mgmt - tech - logistics - callers);

    for (let i = 0; i < mgmt; i++) this.newMember('MANAGEMENT', i === 0 ? -1 : 0);
    const managers = gang.members.map((_, i) => i);
    const aManager = (): number => rng.pick(managers);
    for (let i = 0; i < tech; i++) this.newMember('TECH', aManager());
    for (let i = 0; i < logistics; i++) this.newMember('LOGISTICS', aManager());
    let lead = -1;
    let team = 0;
    for (let i = 0; i < callers; i++) {
      if (!spec.crew && (lead < 0 || team >= 8)) {
        this.newMember('CALLER', aManager(), true);
        lead = gang.members.length - 1;
        team = 0;
      } else {
        const me = this.newMember('CALLER', lead < 0 ? aManager() : lead);
        team++;
        if (lead >= 0 && rng.chance(0.3)) me.knows.push([lead, '同伙（同一话务组）']);
      }
    }
    const heads = Math.max(1, Math.round(money / 10));
    for (let i = 0; i < money; i++) {
      if (i < heads) this.newMember('MONEY', aManager(), true);
      else this.addMule();
    }
    if (gang.base.abroad && !spec.crew) {
      const n = rng.int(1, 3);
      for (let i = 0; i < n; i++) gang.gateways.push(this.world.ids.imei(true));
    }
    if (gang.known) {
      for (const [i, m] of gang.members.entries()) {
        if (m.layer === 'LOGISTICS') {
          for (let k = rng.int(1, 2); k > 0; k--) gang.sellers.push({ seller: this.world.seller(rng, 'CARDS', MULE_REGION_IDX), member: i, how: '向团伙出售银行卡' });
        }
        if (m.layer === 'TECH' && rng.chance(0.7)) gang.sellers.push({ seller: this.world.seller(rng, 'PERSONAL_INFO', MULE_REGION_IDX), member: i, how: '向团伙出售公民个人信息' });
      }
    }
  }

  /** A card holder (卡农) under a card head; relatives of the head are common. */
  private addMule(): number {
    const { rng, gang } = this;
    const heads = gang.members.map((m, i) => [m, i] as const).filter(([m]) => m.layer === 'MONEY' && m.lead);
    const head = heads.length > 0 ? rng.pick(heads)[1] : 0;
    const m = this.newMember('MONEY', head);
    const idx = gang.members.length - 1;
    if (rng.chance(0.25)) m.knows.push([head, rng.pick(['亲属', '同住', '同乡', '社交网络好友'])]);
    return idx;
  }

  private callers(): number[] {
    const out: number[] = [];
    this.gang.members.forEach((m, i) => {
      if (m.layer === 'CALLER') out.push(i);
    });
    return out;
  }

  // ---------------------------------------------------------------- cards

  private mintCard(layer: number, corporate: boolean): CardP {
    const { rng, gang, world } = this;
    const mules = gang.members.map((m, i) => [m, i] as const).filter(([m]) => m.layer === 'MONEY');
    let holder = -1;
    for (let tries = 0; tries < 3 && holder < 0; tries++) {
      const [m, i] = rng.pick(mules);
      if (m.cards.length < 4) holder = i;
    }
    if (holder < 0) holder = this.addMule();
    const h = gang.members[holder]!;
    const bank = BANKS[rng.from(BANK_WEIGHTS)]!;
    const v = corporate ? world.ids.corporate(bank) : world.ids.card(bank);
    const card: CardP = {
      id: v.id,
      number: v.number,
      bank,
      holderName: corporate ? companyName(rng, REGIONS[h.person.region]!.city) : h.person.name,
      holder,
      corporate,
      layer,
      busyUntil: -Infinity,
      uses: 0,
      firstUse: Infinity,
      frozenAt: Infinity,
      frozenAmount: 0,
      retired: false,
    };
    h.cards.push(gang.cards.length);
    gang.cards.push(card);
    return card;
  }

  /** An idle, unfrozen card of the layer, minting one when the active pool is small or all busy. */
  private pickCard(layer: number, t: number, exclude: Set<CardP>, corporate: boolean): CardP {
    const key = `${layer}${corporate ? 'c' : 'p'}`;
    let pool = this.pools.get(key);
    if (!pool) this.pools.set(key, (pool = []));
    for (let i = pool.length - 1; i >= 0; i--) if (pool[i]!.retired || pool[i]!.frozenAt !== Infinity) pool.splice(i, 1);
    const cases = this.gang.cases.length;
    const want = layer === 1 ? Math.max(1, Math.ceil(cases / 25)) : Math.max(1, Math.ceil(cases / (40 + 15 * layer)));
    const idle = pool.filter((c) => c.busyUntil < t && !exclude.has(c));
    let card: CardP;
    if (idle.length === 0 || (pool.length < want && this.rng.chance(0.5))) {
      card = this.mintCard(layer, corporate);
      pool.push(card);
    } else card = this.rng.pick(idle);
    card.uses++;
    if (card.firstUse === Infinity) card.firstUse = t;
    // Mules' cards get reported and closed; the gang moves on to fresh ones.
    if (card.uses >= (layer === 1 ? 6 + (card.number.charCodeAt(card.number.length - 1) % 20) : 30)) card.retired = true;
    return card;
  }

  // ---------------------------------------------------------------- cases

  private planCases(): void {
    const { rng, gang, spec, world } = this;
    const cats: CaseCategory[] = [];
    CASE_CATEGORIES.forEach((c, i) => {
      for (let k = 0; k < (spec.categoryCounts[i] ?? 0); k++) cats.push(c);
    });
    rng.shuffle(cats);
    const span = Math.max(DAY, gang.end - gang.start - 3 * DAY);
    const times = cats.map(() => gang.start + DAY + Math.floor(rng.next() * span)).sort((a, b) => a - b);
    const drafts: Partial<CaseP>[] = cats.map((category, i) => ({ category, reportedAt: times[i] }));
    for (const s of spec.stories?.(gang, world, rng) ?? []) drafts.push(s);
    drafts.sort((a, b) => a.reportedAt! - b.reportedAt!);
    for (const d of drafts) gang.cases.push(this.planCase(d));
    void world;
  }

  private planCase(d: Partial<CaseP>): CaseP {
    const { rng, world, gang } = this;
    const category = d.category!;
    const channel = d.channel ?? world.draws.nextChannel(category);
    const loss = d.loss ?? Math.round((world.draws.nextLoss(category) * (this.spec.lossScale ?? 1)) / 100) * 100;
    const owner = d.owner ?? FILING_AGENCIES[rng.from(this.agencyWeights)]!;
    const region = d.region ?? (owner.regions.length === 1 ? owner.regions[0]! : owner.regions[rng.weighted(owner.regions.map((r) => REGIONS[r]!.weight))]!);
    const station = d.station ?? rng.pick(owner.stations);
    const reportedAt = d.reportedAt!;
    const quick = d.freezeAt !== undefined ? d.freezeAt !== Infinity : rng.chance(this.params.quickReport);

    // Instalments: larger losses are paid in more transfers.
    let amounts = d.transferAmounts;
    if (!amounts) {
      const [lo, hi] = TRANSFERS[category];
      const n = loss < 300_000 ? 1 : Math.min(hi, Math.max(lo, Math.round(lo + (hi - lo) * rng.next() * Math.min(1, loss / 20_000_000))));
      amounts = splitAmount(rng, loss, n);
    }
    let times = d.transferTimes;
    if (!times) {
      times = new Array<number>(amounts.length);
      let t = reportedAt - (quick ? rng.int(2, 40) * MINUTE : Math.round(Math.min(30 * DAY, Math.max(HOUR, rng.logNormal(20 * HOUR, 1.2)))));
      for (let i = amounts.length - 1; i >= 0; i--) {
        times[i] = t;
        t -= instalmentGap(rng, category);
      }
    }
    const firstPay = times.length > 0 ? times[0]! : reportedAt - HOUR;
    const firstContact = d.firstContact ?? firstPay - groomingTime(rng, category);
    const freezeAt = d.freezeAt ?? (quick ? reportedAt + rng.int(5, 30) * MINUTE : Infinity);

    const [y0, y1, female] = VICTIM_AGE[category];
    const victim = d.victim ?? world.person(rng, { region, birthYear: rng.int(y0, y1), gender: rng.chance(female) ? 'F' : 'M' });
    const victimPhone = d.victimPhone ?? world.phone(rng, region);
    const company = category === 'IMPERSONATE_BOSS' ? (d.company ?? companyName(rng, REGIONS[region]!.city)) : d.company;
    const bank = BANKS[rng.from(BANK_WEIGHTS)]!;
    const victimCard: CardP = d.victimCard ?? {
      ...(company ? world.ids.corporate(bank) : world.ids.card(bank)),
      bank,
      holderName: company ?? victim.name,
      holder: -1,
      corporate: !!company,
      layer: 0,
      busyUntil: -Infinity,
      uses: 0,
      firstUse: Infinity,
      frozenAt: Infinity,
      frozenAmount: 0,
      retired: false,
    };
    const network = channel === 'NETWORK' || category === 'IMPERSONATE_BOSS';
    const wantsAccount = network || (channel === 'SMS' && rng.chance(0.5));
    let victimAccount = d.victimAccount;
    if (!victimAccount && wantsAccount) {
      const useQQ = category === 'IMPERSONATE_BOSS' || category === 'PART_TIME_JOB' ? rng.chance(0.7) : rng.chance(0.3);
      victimAccount =
        category === 'ONLINE_SHOPPING' && rng.chance(0.4)
          ? { ...world.ids.alipay(rng), platform: 'ALIPAY' }
          : useQQ
            ? { ...world.ids.qq(), platform: 'QQ' }
            : { ...world.ids.wechat(rng), platform: 'WECHAT' };
    }

    const callers = this.callers();
    const caller = d.caller ?? rng.pick(callers);
    const cm = gang.members[caller]!;
    const usesPhone = channel !== 'NETWORK' || rng.chance(0.35);
    const scamPhone = d.scamPhone ?? (usesPhone ? rng.pick(cm.scamPhones) : undefined);
    let scamAccount = d.scamAccount;
    if (!scamAccount && victimAccount) {
      const same = cm.scamAccounts.filter((a) => a.platform === victimAccount!.platform);
      scamAccount = same.length > 0 ? rng.pick(same) : this.addScamAccount(caller, victimAccount.platform);
    }

    const calls: CallP[] = d.calls ?? [];
    const contacts: ContactP[] = d.contacts ?? [];
    const lastPay = times.length > 0 ? times[times.length - 1]! : reportedAt - 10 * MINUTE;
    if (!d.calls && scamPhone && channel !== 'SMS') {
      const n = channel === 'PHONE' ? rng.int(2, 6) : rng.int(1, 2);
      for (const t of spreadTimes(rng, firstContact, Math.max(firstContact + n * 120, lastPay), n))
        calls.push({ from: scamPhone, to: victimPhone, at: t, seconds: rng.int(45, channel === 'PHONE' ? 3600 : 600) });
    }
    if (!d.contacts && scamAccount && victimAccount) {
      const n = rng.int(2, 8);
      spreadTimes(rng, firstContact, Math.max(firstContact + n * 60, lastPay), n).forEach((t, i) => {
        contacts.push(i % 2 === 0 ? { from: scamAccount!, to: victimAccount!, at: t } : { from: victimAccount!, to: scamAccount!, at: t });
      });
    }
    const hubs: { id: string; how: string }[] = d.hubs ?? [];
    if (!d.hubs) {
      if ((category === 'FAKE_CUSTOMER_SERVICE' || category === 'ONLINE_SHOPPING') && rng.chance(0.5))
        hubs.push({ id: rng.chance(0.5) ? rng.pick(PAYMENT_HUBS) : rng.pick(BANK_HUBS), how: '来电显示被伪装成该客服号码' });
      if (rng.chance(0.15)) {
        const hotline = `phone:${victimCard.bank.hotline}`;
        if (BANK_HUBS.includes(hotline) && !hubs.some((h) => h.id === hotline)) {
          hubs.push({ id: hotline, how: '受害人转账后拨打银行客服核实' });
          calls.push({ from: victimPhone, to: { id: hotline, number: hotline.slice(6), carrier: '', homeRegion: '' }, at: lastPay + rng.int(5, 90) * MINUTE, seconds: rng.int(60, 600) });
        }
      }
      if (network && rng.chance(0.06)) hubs.push({ id: WIFI_HUB, how: '诈骗APP登录使用的公共Wi-Fi' });
      if (rng.chance(0.2))
        calls.push({ from: { id: ANTI_FRAUD_LINE, number: '96110', carrier: '', homeRegion: '' }, to: victimPhone, at: firstContact + rng.int(2, 60) * MINUTE, seconds: rng.int(0, 180) });
    }
    const city = REGIONS[region]!.city;
    const planned: CaseP = {
      caseNo: d.caseNo ?? '',
      id: d.id ?? '',
      category,
      channel,
      status: d.status ?? 'REPORTED',
      owner,
      region,
      station,
      firstContact,
      reportedAt,
      freezeAt,
      loss,
      stopped: 0,
      returned: d.returned ?? -1,
      summary: d.summary ?? summary({ rng, category, victim: victim.name, city, transfers: amounts.length, loss, company }),
      victim,
      victimPhone,
      victimCard,
      victimAccount,
      company,
      caller,
      scamPhone,
      scamAccount,
      collection: d.collection ?? [],
      transferAmounts: amounts,
      transferTimes: times,
      transfers: [],
      calls,
      contacts,
      hubs,
      suspects: d.suspects ?? [],
      story: d.story,
      keepWhole: d.keepWhole,
    };
    if (d.status) this.fixedStatus.add(planned);
    return planned;
  }

  private addScamAccount(caller: number, platform: AccountP['platform']): AccountP {
    const { world, rng } = this;
    const a: AccountP =
      platform === 'QQ' ? { ...world.ids.qq(), platform } : platform === 'ALIPAY' ? { ...world.ids.alipay(rng), platform } : { ...world.ids.wechat(rng), platform: 'WECHAT' };
    this.gang.members[caller]!.scamAccounts.push(a);
    return a;
  }

  // ---------------------------------------------------------------- money

  /** Every victim transfer of the gang, in time order, through the card layers. */
  private planMoney(): void {
    const all: [CaseP, number][] = [];
    for (const c of this.gang.cases) for (let i = 0; i < c.transferAmounts.length; i++) all.push([c, i]);
    all.sort((a, b) => a[0].transferTimes[a[1]]! - b[0].transferTimes[b[1]]!);
    for (const [c, i] of all) {
      const t0 = c.transferTimes[i]!;
      const corporate = c.category === 'IMPERSONATE_BOSS';
      // Scammers often name a new "safe account" for each payment; the demo stories always do.
      let first = c.collection.find((k) => k.busyUntil < t0 && k.frozenAt === Infinity);
      if (!first || c.story !== undefined || this.rng.chance(0.3)) first = this.pickCard(1, t0, new Set(c.collection), corporate);
      else first.uses++;
      if (first.firstUse === Infinity) first.firstUse = t0;
      if (!c.collection.includes(first)) c.collection.push(first);
      c.transfers.push(this.trail(c, c.transferAmounts[i]!, t0, first));
    }
  }

  private trail(c: CaseP, amount: number, t0: number, l1: CardP): VictimTransfer {
    const { rng, world } = this;
    const F = c.freezeAt;
    const corporate = c.category === 'IMPERSONATE_BOSS';
    const first: Tx = { txId: world.ids.txId(c.victimCard.bank, t0), from: c.victimCard, to: l1, amount, at: t0, layer: 1 };
    touch(l1, t0);
    const trail: Tx[] = [first];
    const cashOuts: Holding[] = [];
    const frozen: Holding[] = [];
    const inTrail = new Set<CardP>([l1]);
    // Until when each card of this trail held other trails' money: a card this trail already paid
    // into may take more of it only once the others' money has left (else the two would mix).
    const othersUntil = new Map<CardP, number>();
    let holdings: Holding[] = [{ card: l1, amount, at: t0 }];
    const layers = 2 + rng.from(LAYER_COUNT_WEIGHTS);
    for (let layer = 2; layer <= layers && holdings.length > 0; layer++) {
      const next = new Map<CardP, Holding>();
      const chosen: CardP[] = [];
      for (const h of holdings) {
        let t = h.at + Math.round(Math.min(6 * HOUR, Math.max(MINUTE, rng.logNormal(12 * MINUTE, 1))));
        if (t > F) {
          frozen.push(h);
          continue;
        }
        // Each mule keeps a small cut or withdraws a little cash: money is conserved minus these.
        const fee = h.amount < 100_000 || c.keepWhole ? 0 : Math.round((h.amount * (0.003 + 0.012 * rng.next())) / 100) * 100;
        if (fee > 0) cashOuts.push({ card: h.card, amount: fee, at: t });
        const parts = splitAmount(rng, h.amount - fee, h.amount < 500_000 ? 1 : h.amount < 2_000_000 ? rng.int(1, 2) : rng.int(1, 3));
        for (let p = 0; p < parts.length; p++) {
          if (p > 0) t += rng.int(30, 1200);
          const part = parts[p]!;
          if (t > F) {
            frozen.push({ card: h.card, amount: part, at: F });
            continue;
          }
          const again = chosen.filter((k) => othersUntil.get(k)! < t);
          const target = again.length > 0 && rng.chance(0.3) ? rng.pick(again) : this.pickCard(layer, t, inTrail, corporate && layer === 2 && rng.chance(0.5));
          if (!othersUntil.has(target)) othersUntil.set(target, target.busyUntil);
          if (!chosen.includes(target)) chosen.push(target);
          inTrail.add(target);
          trail.push({ txId: world.ids.txId(h.card.bank, t), from: h.card, to: target, amount: part, at: t, layer });
          touch(h.card, t);
          touch(target, t);
          const n = next.get(target);
          if (n) {
            n.amount += part;
            n.at = Math.max(n.at, t);
          } else next.set(target, { card: target, amount: part, at: t });
        }
      }
      holdings = [...next.values()];
    }
    for (const h of holdings) {
      let w = h.at + Math.round(Math.max(5 * MINUTE, rng.logNormal(2 * HOUR, 1.2)));
      if (c.keepWhole && w <= F) w = F + HOUR;
      if (w > F) frozen.push(h);
      else {
        cashOuts.push({ card: h.card, amount: h.amount, at: w });
        touch(h.card, w);
      }
    }
    const merged = new Map<CardP, Holding>();
    for (const f of frozen) {
      const m = merged.get(f.card);
      if (m) m.amount += f.amount;
      else merged.set(f.card, { card: f.card, amount: f.amount, at: F });
      f.card.frozenAt = Math.min(f.card.frozenAt, F);
      f.card.frozenAmount += f.amount;
      f.card.busyUntil = Infinity;
    }
    return { first, trail, cashOuts, frozen: [...merged.values()] };
  }

  private settleCases(): void {
    const { rng, gang, world } = this;
    for (const c of gang.cases) {
      c.stopped = 0;
      for (const t of c.transfers) for (const f of t.frozen) c.stopped += f.amount;
      if (c.returned < 0) {
        const r = rng.next();
        c.returned = c.stopped === 0 ? 0 : r < 0.15 ? c.stopped : r < 0.4 ? Math.round((c.stopped * (0.3 + 0.6 * rng.next())) / 100) * 100 : 0;
      }
      if (!this.fixedStatus.has(c)) c.status = gang.known ? (rng.chance(0.9) ? 'SOLVED' : 'FILED') : rng.chance(0.5) ? 'REPORTED' : 'FILED';
      if (c.status === 'SOLVED' && c.returned === c.loss && c.loss > 0 && rng.chance(0.5)) c.status = 'CLOSED';
      if (!c.caseNo) c.caseNo = world.caseNo(c.owner, yyyymmdd(c.reportedAt).slice(0, 6));
      c.id = `case:${c.caseNo}`;
      if (gang.known && (c.status === 'SOLVED' || c.status === 'CLOSED') && c.suspects.length === 0) {
        const s = new Set<number>([c.caller]);
        for (const k of c.collection) if (k.holder >= 0) s.add(k.holder);
        const boss = gang.members[c.caller]!.boss;
        if (boss >= 0 && rng.chance(0.3)) s.add(boss);
        c.suspects = [...s];
      }
    }
  }

  /** Freezes at the takedown: what is left on the gang's remaining cards. */
  private takedown(): void {
    const { rng, gang } = this;
    const T = gang.end;
    const frozenNow: CardP[] = [];
    for (const card of gang.cards) {
      if (card.frozenAt !== Infinity || card.uses === 0 || card.busyUntil >= T || !rng.chance(0.45)) continue;
      card.frozenAt = T + rng.int(0, 6 * 60) * MINUTE;
      card.frozenAmount = Math.round(Math.min(2_000_000, rng.logNormal(2500, 1.3))) * 100;
      frozenNow.push(card);
    }
    if (gang.frozenTarget !== undefined && frozenNow.length > 0) {
      const current = gang.cards.reduce((s, c) => s + (c.frozenAt !== Infinity ? c.frozenAmount : 0), 0);
      let gap = gang.frozenTarget - current;
      if (gap > 0) {
        // Unwithdrawn balances sit mostly on the last layers' cards.
        const weights = frozenNow.map((c) => (1 + c.layer) * (0.2 + rng.next()));
        const wsum = weights.reduce((a, b) => a + b, 0);
        frozenNow.forEach((c, i) => {
          const add = i === frozenNow.length - 1 ? gap : Math.min(gap, Math.round((gang.frozenTarget! - current) * (weights[i]! / wsum) / 100) * 100);
          c.frozenAmount += add;
          gap -= add;
        });
      }
    }
  }

  /**
   * Unrelated, earlier transfers on the trail cards: card tests and the mules' own money. Both
   * cards' trail activity starts after such a transfer, so it never lands in the middle of a true
   * trail (where it would change what the trail carries).
   */
  private planNoise(): void {
    const { rng, gang, world } = this;
    const used = gang.cards.filter((c) => c.uses > 0);
    if (used.length < 2) return;
    for (const card of used) {
      if (!rng.chance(0.7)) continue;
      for (let k = rng.int(1, 3); k > 0; k--) {
        const t = card.firstUse - rng.int(HOUR, 20 * DAY);
        const other = rng.pick(used);
        if (other === card || other.firstUse <= t || other.frozenAt <= t) continue;
        const test = rng.chance(0.6);
        const amount = test ? rng.int(1, 200) * 100 : rng.int(500, 30_000) * 100;
        const out = rng.chance(0.6);
        const from = out ? card : other;
        const to = out ? other : card;
        gang.noise.push({ txId: world.ids.txId(from.bank, t), from, to, amount, at: t, layer: 0 });
      }
    }
  }

  private planInternal(): void {
    const { rng, gang } = this;
    gang.members.forEach((m) => {
      if (m.boss < 0) return;
      const boss = gang.members[m.boss]!;
      const n = rng.int(1, 3);
      for (const t of spreadTimes(rng, Math.max(m.since, gang.start - 30 * DAY), gang.end, n)) gang.internalCalls.push({ from: m.phone, to: boss.phone, at: t, seconds: rng.int(10, 900) });
      if (m.telegram && boss.telegram)
        for (const t of spreadTimes(rng, Math.max(m.since, gang.start - 30 * DAY), gang.end, rng.int(1, 3))) gang.internalContacts.push({ from: m.telegram, to: boss.telegram, at: t });
    });
  }

  private planTargets(): void {
    const { rng, gang, world, params } = this;
    const phones = gang.members.flatMap((m) => m.scamPhones);
    if (phones.length === 0) return;
    const n = Math.round(gang.cases.length * params.targetsPerCase * (0.7 + 0.6 * rng.next()));
    for (let i = 0; i < n; i++) {
      const owner = FILING_AGENCIES[rng.from(this.agencyWeights)]!;
      const region = owner.regions[0]!;
      const phone = world.phone(rng, region);
      const target: TargetP = { phone, calls: [] };
      if (rng.chance(0.3)) target.person = world.person(rng, { region, birthYear: rng.int(1945, 2004) });
      const from = rng.pick(phones);
      const k = rng.int(1, 3);
      for (const t of spreadTimes(rng, gang.start, gang.end, k)) target.calls.push({ from, to: phone, at: t, seconds: rng.chance(0.5) ? 0 : rng.int(5, 240) });
      if (rng.chance(0.3)) {
        const last = target.calls[target.calls.length - 1]!.at;
        target.calls.push({ from: { id: ANTI_FRAUD_LINE, number: '96110', carrier: '', homeRegion: '' }, to: phone, at: last + rng.int(3, 120) * MINUTE, seconds: rng.int(20, 300) });
      }
      gang.targets.push(target);
    }
  }

  private leadAgency(): Agency {
    const { rng, gang } = this;
    const base = gang.base;
    if (this.params.shanghaiShare > 0.5 && rng.chance(0.6)) return agency('sh-psb');
    const own = FILING_AGENCIES.find((a) => a.province === base.province);
    return own ?? FILING_AGENCIES[rng.from(this.agencyWeights)]!;
  }

  private gangName(): string {
    const { gang } = this;
    const d = yyyymmdd(gang.end);
    const tag = `“${Number(d.slice(4, 6))}·${Number(d.slice(6, 8))}”`;
    const where = gang.base.abroad ? `${gang.base.country}${gang.base.city}` : `${gang.base.province}${gang.base.city}`;
    return gang.known ? `${tag}专案 ${where}电信网络诈骗犯罪团伙` : `未落地团伙 ${gang.slug}`;
  }
}

function touch(card: CardP, t: number): void {
  if (card.busyUntil < t) card.busyUntil = t;
}

/** n distinct, increasing whole seconds in [from, to]. */
export function spreadTimes(rng: Rng, from: number, to: number, n: number): number[] {
  const span = Math.max(n, to - from);
  const out = Array.from({ length: n }, () => from + Math.floor(rng.next() * span)).sort((a, b) => a - b);
  for (let i = 1; i < out.length; i++) if (out[i]! <= out[i - 1]!) out[i] = out[i - 1]! + 1;
  return out;
}

/** Splits an amount (fen) into n parts in whole yuan where possible, summing exactly. */
export function splitAmount(rng: Rng, amount: number, n: number): number[] {
  if (n <= 1 || amount < n * 100) return [amount];
  const w = Array.from({ length: n }, () => 0.3 + rng.next());
  const ws = w.reduce((a, b) => a + b, 0);
  const out: number[] = [];
  let left = amount;
  for (let i = 0; i < n - 1; i++) {
    const p = Math.max(100, Math.round((amount * (w[i]! / ws)) / 100) * 100);
    out.push(p);
    left -= p;
  }
  out.push(left);
  return out.every((x) => x > 0) ? out : [amount];
}

export type { DeviceP, MemberP, PersonP, PhoneP };
