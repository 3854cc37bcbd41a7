/**
 * State shared across gangs within one run: identifier counters, the stratified category draws,
 * case-number serials, the hubs and the pool of card and information sellers. All of it is small
 * and grows with the number of sellers and agencies, never with the number of records.
 */
import type { Scale } from './types';
import { CategoryDraws } from './calibration';
import { Identifiers } from './ids';
import type { PersonP, PhoneP } from './plan-types';
import { REGIONS, type Agency } from './places';
import { Rng } from './rng';
import { BANKS } from './names';
import { personName } from './names';

export interface Hub {
  id: string;
  label: 'Phone' | 'Device';
  props: Record<string, string>;
  what: string;
}

/**
 * Numbers and devices that appear in many unrelated cases and must never link them. Short service
 * numbers keep their short form (the store's phone normalisation leaves them as they are).
 */
export const HUBS: readonly Hub[] = [
  ...BANKS.slice(0, 7).map((b) => ({
    id: `phone:${b.hotline}`,
    label: 'Phone' as const,
    props: { number: b.hotline, carrier: '客服热线', homeRegion: '全国' },
    what: `${b.name}客服热线`,
  })),
  { id: 'phone:95188', label: 'Phone', props: { number: '95188', carrier: '客服热线', homeRegion: '全国' }, what: '支付宝客服热线' },
  { id: 'phone:95017', label: 'Phone', props: { number: '95017', carrier: '客服热线', homeRegion: '全国' }, what: '微信支付客服热线' },
  { id: 'phone:96110', label: 'Phone', props: { number: '96110', carrier: '反诈预警专线', homeRegion: '上海' }, what: '96110 反诈预警劝阻专线' },
  {
    id: 'mac:3c-46-d8-1a-07-5e',
    label: 'Device',
    props: { model: '公共Wi-Fi热点 i-Shanghai（虹桥火车站）' },
    what: '公共Wi-Fi热点（many scam apps were used from it）',
  },
];
export const HUB_IDS = new Set(HUBS.map((h) => h.id));
export const ANTI_FRAUD_LINE = 'phone:96110';
export const WIFI_HUB = 'mac:3c-46-d8-1a-07-5e';
export const PAYMENT_HUBS = ['phone:95188', 'phone:95017'];
export const BANK_HUBS = HUBS.filter((h) => h.id.startsWith('phone:95') && !PAYMENT_HUBS.includes(h.id)).map((h) => h.id);

/** 号码归属地 as carriers print it: 湖南长沙, 上海. */
const HOME_REGION = REGIONS.map((r) => `${r.province.replace(/(省|市|壮族自治区)$/, '')}${r.city === r.province ? '' : r.city.replace(/市$/, '')}`);

export interface Seller {
  person: PersonP;
  phone: PhoneP;
  sells: 'CARDS' | 'PERSONAL_INFO';
  emitted: boolean;
  gangs: string[];
}

/**
 * State of one partition of a run. A run has PARTITIONS of them; gang i belongs to partition
 * i mod PARTITIONS, so the command line can generate partitions side by side and still write the
 * same bytes as the in-process generator.
 */
export class World {
  readonly ids: Identifiers;
  readonly draws: CategoryDraws;
  readonly rng: Rng;
  readonly sellers: Seller[] = [];
  private readonly caseSerial = new Map<string, number>();

  constructor(
    readonly seed: number,
    readonly scale: Scale,
    readonly partition = 0,
    readonly partitions = 1,
  ) {
    this.ids = new Identifiers(partitions, partition);
    this.rng = new Rng(seed, 0xc0ffee + partition);
    this.draws = new CategoryDraws(this.rng.next());
  }

  caseNo(agency: Agency, yyyymm: string): string {
    const k = this.caseSerial.get(agency.id) ?? 0;
    this.caseSerial.set(agency.id, k + 1);
    const n = k * this.partitions + this.partition + 1;
    return `A${agency.unit}${yyyymm}${String(n).padStart(6, '0')}`;
  }

  person(rng: Rng, o: { region: number; gender?: 'F' | 'M'; birthYear: number }): PersonP {
    const gender = o.gender ?? (rng.chance(0.5) ? 'F' : 'M');
    const idNumber = this.ids.nationalId(o.region, o.birthYear, gender, rng);
    return {
      id: `person:${idNumber}`,
      name: personName(rng, gender),
      idNumber,
      gender,
      birthYear: o.birthYear,
      province: REGIONS[o.region]!.province,
      region: o.region,
    };
  }

  phone(rng: Rng, region: number): PhoneP {
    return this.ids.mobile(HOME_REGION[region]);
  }

  /** A seller already supplying other gangs half of the time: the trade is a market, not a gang. */
  seller(rng: Rng, sells: Seller['sells'], regionPool: readonly number[]): number {
    const same = this.sellers.map((s, i) => [s, i] as const).filter(([s]) => s.sells === sells);
    if (same.length > 0 && rng.chance(0.5)) return rng.pick(same)[1];
    const region = rng.pick(regionPool);
    const person = this.person(rng, { region, birthYear: rng.int(1970, 2002), gender: rng.chance(0.8) ? 'M' : 'F' });
    this.sellers.push({ person, phone: this.phone(rng, region), sells, emitted: false, gangs: [] });
    return this.sellers.length - 1;
  }
}
