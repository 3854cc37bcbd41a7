/**
 * The graph model, declared once. The Kuzu DDL, the bundle validator, the Cypher lint schema,
 * the GraphQL types and the web styles all read this file, so adding a label, a property or a
 * link type is one edit here (and a test fails where something else disagrees).
 */

export type PropType = 'string' | 'int' | 'money' | 'boolean' | 'time' | 'stringList' | 'enum';

/** When a property is masked for viewers whose role may not see it. */
export type Sensitivity = 'always' | 'victim';

export interface PropDef {
  readonly type: PropType;
  readonly values?: readonly string[];
  readonly sensitive?: Sensitivity;
}

export const CASE_CATEGORIES = [
  'ONLINE_SHOPPING',
  'ONLINE_LOAN',
  'PART_TIME_JOB',
  'FAKE_CUSTOMER_SERVICE',
  'FAKE_ACQUAINTANCE',
  'ONLINE_ROMANCE',
  'IMPERSONATE_AUTHORITY',
  'IMPERSONATE_BOSS',
  'OTHER',
] as const;
export const CHANNELS = ['NETWORK', 'PHONE', 'SMS'] as const;
export const CASE_STATUSES = ['REPORTED', 'FILED', 'SOLVED', 'CLOSED'] as const;
export const GENDERS = ['F', 'M', 'U'] as const;
export const ACCOUNT_TYPES = ['PERSONAL', 'CORPORATE'] as const;
export const PLATFORMS = ['QQ', 'WECHAT', 'ALIPAY', 'TELEGRAM', 'OTHER'] as const;
export const AGENCY_LEVELS = ['CITY', 'PROVINCE', 'MINISTRY'] as const;
export const GANG_LAYERS = ['MANAGEMENT', 'TECH', 'LOGISTICS', 'CALLER', 'MONEY'] as const;
export const SOURCE_TYPES = [
  'BANK_STATEMENT',
  'CALL_RECORDS',
  'CHAT_LOG',
  'DEVICE_IMAGE',
  'STATEMENT',
  'REPORT',
  'OTHER',
] as const;

export type CaseCategory = (typeof CASE_CATEGORIES)[number];
export type Channel = (typeof CHANNELS)[number];
export type CaseStatus = (typeof CASE_STATUSES)[number];
export type GangLayer = (typeof GANG_LAYERS)[number];
export type SourceType = (typeof SOURCE_TYPES)[number];

const str: PropDef = { type: 'string' };
const time: PropDef = { type: 'time' };
const money: PropDef = { type: 'money' };
const oneOf = (values: readonly string[]): PropDef => ({ type: 'enum', values });

export interface LabelDef {
  /** The property shown on the canvas and in search results. */
  readonly caption: string;
  readonly props: Readonly<Record<string, PropDef>>;
  /** Identifiers merge across agencies by their normalised value; they are what links cases. */
  readonly identifier: boolean;
}

export const LABELS = {
  Case: {
    caption: 'caseNo',
    identifier: false,
    props: {
      caseNo: str,
      category: oneOf(CASE_CATEGORIES),
      channel: oneOf(CHANNELS),
      status: oneOf(CASE_STATUSES),
      reportedAt: time,
      province: str,
      city: str,
      district: str,
      station: str,
      loss: money,
      stopped: money,
      returned: money,
      summary: str,
    },
  },
  Person: {
    caption: 'name',
    identifier: false,
    props: {
      name: { type: 'string', sensitive: 'victim' },
      idNumber: { type: 'string', sensitive: 'always' },
      gender: oneOf(GENDERS),
      birthYear: { type: 'int' },
      province: str,
      country: str,
      aliases: { type: 'stringList' },
    },
  },
  BankCard: {
    caption: 'number',
    identifier: true,
    props: {
      number: { type: 'string', sensitive: 'always' },
      bank: str,
      holderName: str,
      accountType: oneOf(ACCOUNT_TYPES),
      frozen: { type: 'boolean' },
      frozenAt: time,
      frozenAmount: money,
    },
  },
  Phone: {
    caption: 'number',
    identifier: true,
    props: { number: str, carrier: str, homeRegion: str },
  },
  OnlineAccount: {
    caption: 'handle',
    identifier: true,
    props: { platform: oneOf(PLATFORMS), handle: str },
  },
  Device: {
    caption: 'imei',
    identifier: true,
    props: { imei: str, model: str },
  },
  Gang: {
    caption: 'name',
    identifier: false,
    props: { name: str, baseCountry: str, baseProvince: str, baseCity: str },
  },
  Agency: {
    caption: 'name',
    identifier: false,
    props: { name: str, province: str, level: oneOf(AGENCY_LEVELS) },
  },
} as const satisfies Record<string, LabelDef>;

export type Label = keyof typeof LABELS;
export const LABEL_NAMES = Object.keys(LABELS) as Label[];

/** Every node carries these, whatever its label. `owners` are the agencies that contributed it. */
export const NODE_COMMON_PROPS = {
  id: str,
  label: str,
  owners: { type: 'stringList' },
  createdAt: time,
  updatedAt: time,
} as const satisfies Record<string, PropDef>;

export interface LinkDef {
  /** Which [from, to] label pairs the link may join. */
  readonly joins: readonly (readonly [Label, Label])[];
  readonly props: Readonly<Record<string, PropDef>>;
  /** The property whose value tells apart several links of one type between the same two nodes. */
  readonly keyProp?: string;
  /** The property that places the link in time (for time windows and money trails). */
  readonly timeProp?: string;
}

const IDENTIFIER_TARGETS = ['BankCard', 'Phone', 'OnlineAccount', 'Device'] as const;

export const LINK_TYPES = {
  SUSPECT_IN: { joins: [['Person', 'Case']], props: {} },
  VICTIM_IN: { joins: [['Person', 'Case']], props: {} },
  HOLDS: { joins: [['Person', 'BankCard']], props: {} },
  USES: { joins: [['Person', 'Phone'], ['Person', 'Device']], props: {} },
  OWNS: { joins: [['Person', 'OnlineAccount']], props: {} },
  INVOLVES: { joins: IDENTIFIER_TARGETS.map((t) => ['Case', t] as const), props: { how: str } },
  TRANSFERRED: {
    joins: [['BankCard', 'BankCard']],
    props: { txId: str, amount: money, at: time },
    keyProp: 'txId',
    timeProp: 'at',
  },
  CALLED: { joins: [['Phone', 'Phone']], props: { at: time, seconds: { type: 'int' } }, keyProp: 'at', timeProp: 'at' },
  CONTACTED: { joins: [['OnlineAccount', 'OnlineAccount']], props: { at: time }, keyProp: 'at', timeProp: 'at' },
  MEMBER_OF: { joins: [['Person', 'Gang']], props: { layer: oneOf(GANG_LAYERS), since: time }, timeProp: 'since' },
  REPORTS_TO: { joins: [['Person', 'Person']], props: {} },
  KNOWS: { joins: [['Person', 'Person']], props: { how: str } },
} as const satisfies Record<string, LinkDef>;

export type LinkType = keyof typeof LINK_TYPES;
export const LINK_TYPE_NAMES = Object.keys(LINK_TYPES) as LinkType[];

/**
 * Every link carries these. `key` is part of a link's identity: (type, from, to, key). `owner` is
 * the agency that first recorded it; `owners` every agency that has reported the same link.
 */
export const LINK_COMMON_PROPS = {
  key: str,
  owner: str,
  owners: { type: 'stringList' },
  sources: { type: 'stringList' },
  createdAt: time,
  createdBy: str,
} as const satisfies Record<string, PropDef>;

/** Evidence records that links cite by id. */
export const SOURCE_PROPS = {
  id: str,
  type: oneOf(SOURCE_TYPES),
  reference: str,
  sha256: str,
  collectedAt: time,
  collectedBy: str,
  owner: str,
  createdAt: time,
} as const satisfies Record<string, PropDef>;

export function labelProp(label: Label, prop: string): PropDef | undefined {
  return (LABELS[label].props as Record<string, PropDef>)[prop];
}

export function linkProp(type: LinkType, prop: string): PropDef | undefined {
  return (LINK_TYPES[type].props as Record<string, PropDef>)[prop];
}

export function mayJoin(type: LinkType, from: Label, to: Label): boolean {
  return LINK_TYPES[type].joins.some(([f, t]) => f === from && t === to);
}

/**
 * Every node property of every label, merged by name. A name means one thing everywhere
 * (`province` is a string on a Case and on a Person), which the model test checks; the
 * embedded engine stores all labels in one table and needs that.
 */
export function allNodeProps(): Record<string, PropDef> {
  const out: Record<string, PropDef> = {};
  for (const label of LABEL_NAMES) Object.assign(out, LABELS[label].props);
  return { ...out, ...NODE_COMMON_PROPS };
}

/** Every link property of every type, merged by name, with the common ones. */
export function allLinkProps(): Record<string, PropDef> {
  const out: Record<string, PropDef> = {};
  for (const type of LINK_TYPE_NAMES) Object.assign(out, LINK_TYPES[type].props);
  return { ...out, ...LINK_COMMON_PROPS };
}
