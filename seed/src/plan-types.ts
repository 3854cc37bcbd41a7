/**
 * The in-memory plan of one gang: people, identifiers, cases and money, decided before a single
 * record is written (so a card's frozen amount is known when the card is emitted). Only one gang's
 * plan is alive at a time, which is what keeps `national` in bounded memory.
 */
import type { CaseCategory, CaseStatus, Channel, GangLayer } from '../../server/src/domain/model';
import type { Bank } from './names';
import type { Agency, Base } from './places';

export interface PersonP {
  id: string;
  name: string;
  idNumber: string;
  gender: 'F' | 'M';
  birthYear: number;
  province: string;
  region: number;
  aliases?: string[];
}

export interface PhoneP {
  id: string;
  number: string;
  carrier: string;
  homeRegion: string;
}

export interface AccountP {
  id: string;
  platform: 'QQ' | 'WECHAT' | 'ALIPAY' | 'TELEGRAM' | 'OTHER';
  handle: string;
}

export interface DeviceP {
  id: string;
  imei: string;
  model: string;
}

export interface CardP {
  id: string;
  number: string;
  bank: Bank;
  holderName: string;
  /** Index of the gang member who holds it; -1 for a victim's own card. */
  holder: number;
  corporate: boolean;
  /** Nominal laundering layer (1 = collection card); 0 for a victim's card. */
  layer: number;
  /** Last second this card took part in a trail; Infinity once frozen. */
  busyUntil: number;
  uses: number;
  firstUse: number;
  frozenAt: number;
  frozenAmount: number;
  retired: boolean;
}

export interface MemberP {
  person: PersonP;
  layer: GangLayer;
  /** Member index this one reports to; -1 for the top. */
  boss: number;
  since: number;
  phone: PhoneP;
  device: DeviceP;
  scamPhones: PhoneP[];
  scamAccounts: AccountP[];
  telegram?: AccountP;
  cards: number[];
  /** Team leader among callers, card head among the money layer. */
  lead: boolean;
  /** Extra KNOWS links (index, how). */
  knows: [number, string][];
}

export interface Tx {
  txId: string;
  from: CardP;
  to: CardP;
  amount: number;
  at: number;
  /** Layer of the receiving card along this trail (1 = the card the victim paid into). */
  layer: number;
}

export interface Holding {
  card: CardP;
  amount: number;
  at: number;
}

export interface VictimTransfer {
  first: Tx;
  trail: Tx[];
  cashOuts: Holding[];
  frozen: Holding[];
}

export interface CallP {
  from: PhoneP;
  to: PhoneP;
  at: number;
  seconds: number;
}

export interface ContactP {
  from: AccountP;
  to: AccountP;
  at: number;
}

export interface CaseP {
  caseNo: string;
  id: string;
  category: CaseCategory;
  channel: Channel;
  status: CaseStatus;
  owner: Agency;
  region: number;
  station: string;
  firstContact: number;
  reportedAt: number;
  /** When the police froze what was still on the cards; Infinity when the report came too late. */
  freezeAt: number;
  loss: number;
  stopped: number;
  returned: number;
  summary: string;
  victim: PersonP;
  victimPhone: PhoneP;
  victimCard: CardP;
  victimAccount?: AccountP;
  company?: string;
  caller: number;
  scamPhone?: PhoneP;
  scamAccount?: AccountP;
  collection: CardP[];
  transferAmounts: number[];
  transferTimes: number[];
  transfers: VictimTransfer[];
  calls: CallP[];
  contacts: ContactP[];
  hubs: { id: string; how: string }[];
  suspects: number[];
  /** Fixed story details (demo) that the generic planner must not overwrite. */
  story?: string;
  /** The freeze caught everything: no mule's cut, no withdrawal before it (a demo story). */
  keepWhole?: boolean;
}

export interface TargetP {
  phone: PhoneP;
  person?: PersonP;
  calls: CallP[];
}

export interface GangP {
  index: number;
  id: string;
  slug: string;
  name: string;
  known: boolean;
  /** A handful of people behind one to a few cases, never identified as a gang. */
  crew: boolean;
  base: Base;
  lead: Agency;
  start: number;
  end: number;
  members: MemberP[];
  cards: CardP[];
  gateways: DeviceP[];
  cases: CaseP[];
  targets: TargetP[];
  noise: Tx[];
  internalCalls: CallP[];
  internalContacts: ContactP[];
  /** Seller pool indexes and how they supplied the gang. */
  sellers: { seller: number; member: number; how: string }[];
  categories: CaseCategory[];
  frozenTarget?: number;
}
