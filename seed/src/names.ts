/** Chinese personal and company names, banks and carriers. */
import { WeightTable, type Rng } from './rng';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
/** Rough frequency: the first ten surnames cover about 40 % of people. */
const SURNAME_WEIGHTS = new WeightTable(SURNAMES.map((_, i) => (i < 5 ? 7 : i < 10 ? 4 : i < 30 ? 1.6 : 0.7)));
const MALE = '伟强磊军洋勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林欢阳建国文志海东峰亮成晨博锋彬荣庆德'.split('');
const FEMALE = '芳娜敏静丽艳娟霞秀玲桂英燕萍红颖琳婷雪慧倩洁佳欣悦梅莉兰凤月晶丹蓉媛瑶怡璐琴珍'.split('');

export function personName(rng: Rng, gender: 'F' | 'M'): string {
  const surname = SURNAMES[rng.from(SURNAME_WEIGHTS)] as string;
  const pool = gender === 'F' ? FEMALE : MALE;
  return rng.chance(0.7) ? surname + rng.pick(pool) + rng.pick(pool) : surname + rng.pick(pool);
}

const NICK_A = ['阿', '小', '老', '大'];
/** A nickname a gang member goes by (阿强, 老王). */
export function nickname(rng: Rng, name: string): string {
  const last = name.slice(-1);
  return rng.pick(NICK_A) + (rng.chance(0.5) ? last : name.slice(0, 1));
}

const FIRM_A = ['鑫盛', '恒达', '华信', '联泰', '瑞丰', '永隆', '汇通', '宏远', '金诚', '嘉禾', '润通', '德昌', '启航', '隆鑫', '博远', '佳禾', '锦程', '晟达'];
const FIRM_B = ['国际贸易', '贸易', '实业', '物流', '电子科技', '建材', '服饰', '信息科技', '商贸', '供应链管理'];
export function companyName(rng: Rng, city: string): string {
  return `${city.replace(/市$/, '')}${rng.pick(FIRM_A)}${rng.pick(FIRM_B)}有限公司`;
}

export interface Bank {
  readonly name: string;
  readonly bin: string;
  /** Card number length (16 or 19 digits). */
  readonly length: 16 | 19;
  /** Leading digits of this bank's corporate account numbers. */
  readonly corporate: string;
  readonly hotline: string;
}

export const BANKS: readonly Bank[] = [
  { name: '中国工商银行', bin: '622202', length: 19, corporate: '1001', hotline: '95588' },
  { name: '中国建设银行', bin: '621700', length: 19, corporate: '3105', hotline: '95533' },
  { name: '中国农业银行', bin: '622848', length: 19, corporate: '0333', hotline: '95599' },
  { name: '中国银行', bin: '621661', length: 19, corporate: '4378', hotline: '95566' },
  { name: '交通银行', bin: '622260', length: 19, corporate: '3100', hotline: '95559' },
  { name: '招商银行', bin: '622588', length: 16, corporate: '1219', hotline: '95555' },
  { name: '中国邮政储蓄银行', bin: '621799', length: 19, corporate: '9310', hotline: '95580' },
  { name: '上海浦东发展银行', bin: '622521', length: 16, corporate: '9801', hotline: '95528' },
  { name: '兴业银行', bin: '622909', length: 19, corporate: '2160', hotline: '95561' },
  { name: '农村信用社', bin: '622827', length: 19, corporate: '1407', hotline: '96288' },
];
/** Market-share-like weights: mules' rented cards are mostly big-four and rural banks. */
export const BANK_WEIGHTS = new WeightTable([5, 4, 4, 3, 2, 2, 3, 1, 1, 3]);

/** Mobile number prefixes by carrier. 139 is kept for the scripted demo stories. */
export const PHONE_PREFIXES: readonly { prefix: string; carrier: string }[] = [
  { prefix: '134', carrier: '中国移动' },
  { prefix: '135', carrier: '中国移动' },
  { prefix: '136', carrier: '中国移动' },
  { prefix: '137', carrier: '中国移动' },
  { prefix: '138', carrier: '中国移动' },
  { prefix: '150', carrier: '中国移动' },
  { prefix: '151', carrier: '中国移动' },
  { prefix: '152', carrier: '中国移动' },
  { prefix: '157', carrier: '中国移动' },
  { prefix: '158', carrier: '中国移动' },
  { prefix: '159', carrier: '中国移动' },
  { prefix: '182', carrier: '中国移动' },
  { prefix: '187', carrier: '中国移动' },
  { prefix: '188', carrier: '中国移动' },
  { prefix: '130', carrier: '中国联通' },
  { prefix: '131', carrier: '中国联通' },
  { prefix: '132', carrier: '中国联通' },
  { prefix: '155', carrier: '中国联通' },
  { prefix: '156', carrier: '中国联通' },
  { prefix: '185', carrier: '中国联通' },
  { prefix: '186', carrier: '中国联通' },
  { prefix: '133', carrier: '中国电信' },
  { prefix: '153', carrier: '中国电信' },
  { prefix: '177', carrier: '中国电信' },
  { prefix: '180', carrier: '中国电信' },
  { prefix: '181', carrier: '中国电信' },
  { prefix: '189', carrier: '中国电信' },
  { prefix: '199', carrier: '中国电信' },
];
/** Virtual-operator numbers (170/171) that callers favour; 1709 and 1719 are kept for the demo. */
export const VIRTUAL_PREFIXES: readonly { prefix: string; carrier: string }[] = [
  { prefix: '1700', carrier: '虚拟运营商(蜗牛移动)' },
  { prefix: '1705', carrier: '虚拟运营商(远特通信)' },
  { prefix: '1710', carrier: '虚拟运营商(分享通信)' },
  { prefix: '1718', carrier: '虚拟运营商(话机通信)' },
];

export const FOREIGN_CARRIERS: Readonly<Record<string, string>> = {
  '855': 'Smart Axiata (柬埔寨)',
  '95': 'Ooredoo Myanmar (缅甸)',
  '856': 'Unitel (老挝)',
};

export const HANDSETS: readonly { tac: string; model: string }[] = [
  { tac: '35391110', model: 'Apple iPhone 13' },
  { tac: '35467911', model: 'Apple iPhone 14 Pro' },
  { tac: '86723304', model: '华为 Mate 40' },
  { tac: '86887803', model: '小米 13' },
  { tac: '86461603', model: 'OPPO Reno 8' },
  { tac: '86936104', model: 'vivo X90' },
  { tac: '86010205', model: '荣耀 X40' },
  { tac: '86273506', model: '红米 Note 12' },
];
export const GATEWAY = { tac: '86895707', model: 'GoIP-32 语音网关(猫池)' };
