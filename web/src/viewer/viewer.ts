/**
 * Who the app asks as. Until the access issue brings login, the server takes the viewer from the
 * development headers x-agencies, x-user and x-role (server/src/api/viewer.ts); the app lets the
 * user choose them and remembers the choice in the browser.
 */

export const ROLES = ['RESTRICTED', 'INVESTIGATOR', 'PROSECUTOR'] as const;
export type Role = (typeof ROLES)[number];

export interface Viewer {
  agencies: string[];
  user: string;
  role: Role;
}

export interface DemoAgency {
  id: string;
  zh: string;
  en: string;
}

/** The agencies of the demo data (seed/src/places.ts), so a newcomer sees all of it. */
export const DEMO_AGENCIES: readonly DemoAgency[] = [
  { id: 'sh-psb', zh: '上海市公安局反电信网络诈骗中心', en: 'Shanghai PSB anti-fraud centre' },
  { id: 'sh-pudong-psb', zh: '上海市公安局浦东分局', en: 'Shanghai PSB, Pudong' },
  { id: 'sh-minhang-psb', zh: '上海市公安局闵行分局', en: 'Shanghai PSB, Minhang' },
  { id: 'sh-xuhui-psb', zh: '上海市公安局徐汇分局', en: 'Shanghai PSB, Xuhui' },
  { id: 'sh-jingan-psb', zh: '上海市公安局静安分局', en: "Shanghai PSB, Jing'an" },
  { id: 'sh-baoshan-psb', zh: '上海市公安局宝山分局', en: 'Shanghai PSB, Baoshan' },
  { id: 'sh-songjiang-psb', zh: '上海市公安局松江分局', en: 'Shanghai PSB, Songjiang' },
  { id: 'fj-longyan-psb', zh: '福建省龙岩市公安局', en: 'Longyan PSB, Fujian' },
  { id: 'hi-danzhou-psb', zh: '海南省儋州市公安局', en: 'Danzhou PSB, Hainan' },
  { id: 'hn-changsha-psb', zh: '湖南省长沙市公安局', en: 'Changsha PSB, Hunan' },
  { id: 'js-changzhou-psb', zh: '江苏省常州市公安局', en: 'Changzhou PSB, Jiangsu' },
  { id: 'zj-hangzhou-psb', zh: '浙江省杭州市公安局', en: 'Hangzhou PSB, Zhejiang' },
  { id: 'gd-shenzhen-psb', zh: '广东省深圳市公安局', en: 'Shenzhen PSB, Guangdong' },
  { id: 'hb-wuhan-psb', zh: '湖北省武汉市公安局', en: 'Wuhan PSB, Hubei' },
  { id: 'sc-chengdu-psb', zh: '四川省成都市公安局', en: 'Chengdu PSB, Sichuan' },
  { id: 'bj-psb', zh: '北京市公安局', en: 'Beijing PSB' },
  { id: 'mps-cid', zh: '公安部刑事侦查局', en: 'Ministry of Public Security, CID' },
];

export const DEFAULT_VIEWER: Viewer = {
  agencies: DEMO_AGENCIES.map((a) => a.id),
  user: 'investigator-1',
  role: 'INVESTIGATOR',
};

const AGENCY = /^[a-z0-9][a-z0-9-]{0,63}$/;
const USER = /^[\w.@-]{1,64}$/;

/** The headers the server reads the viewer from. */
export function viewerHeaders(viewer: Viewer): Record<string, string> {
  return { 'x-agencies': viewer.agencies.join(','), 'x-user': viewer.user, 'x-role': viewer.role };
}

/** A stored viewer, checked like the server checks the headers; anything malformed gives the default. */
export function parseViewer(text: string | null): Viewer {
  if (!text) return DEFAULT_VIEWER;
  try {
    const raw = JSON.parse(text) as Partial<Record<keyof Viewer, unknown>>;
    const agencies = Array.isArray(raw.agencies) ? raw.agencies.filter((a): a is string => typeof a === 'string' && AGENCY.test(a)) : [];
    const user = typeof raw.user === 'string' && USER.test(raw.user) ? raw.user : DEFAULT_VIEWER.user;
    const role = (ROLES as readonly unknown[]).includes(raw.role) ? (raw.role as Role) : DEFAULT_VIEWER.role;
    return { agencies: [...new Set(agencies)], user, role };
  } catch {
    return DEFAULT_VIEWER;
  }
}

/** Whether a user id would be accepted by the server (otherwise it counts as anonymous). */
export const validUser = (user: string) => USER.test(user);
