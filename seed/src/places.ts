/**
 * Places, agencies and bases. Region codes are the first six digits of a national ID number
 * (行政区划代码); agencies own cases in their own districts.
 */

export interface Region {
  readonly code: string;
  readonly province: string;
  readonly city: string;
  readonly district: string;
  /** Relative number of residents we draw from this region. */
  readonly weight: number;
}

export const REGIONS: readonly Region[] = [
  { code: '310115', province: '上海市', city: '上海市', district: '浦东新区', weight: 9 },
  { code: '310112', province: '上海市', city: '上海市', district: '闵行区', weight: 5 },
  { code: '310104', province: '上海市', city: '上海市', district: '徐汇区', weight: 3 },
  { code: '310106', province: '上海市', city: '上海市', district: '静安区', weight: 3 },
  { code: '310101', province: '上海市', city: '上海市', district: '黄浦区', weight: 2 },
  { code: '310105', province: '上海市', city: '上海市', district: '长宁区', weight: 2 },
  { code: '310107', province: '上海市', city: '上海市', district: '普陀区', weight: 3 },
  { code: '310110', province: '上海市', city: '上海市', district: '杨浦区', weight: 3 },
  { code: '310109', province: '上海市', city: '上海市', district: '虹口区', weight: 2 },
  { code: '310113', province: '上海市', city: '上海市', district: '宝山区', weight: 4 },
  { code: '310114', province: '上海市', city: '上海市', district: '嘉定区', weight: 3 },
  { code: '310117', province: '上海市', city: '上海市', district: '松江区', weight: 3 },
  { code: '310118', province: '上海市', city: '上海市', district: '青浦区', weight: 2 },
  { code: '310120', province: '上海市', city: '上海市', district: '奉贤区', weight: 2 },
  { code: '350802', province: '福建省', city: '龙岩市', district: '新罗区', weight: 2 },
  { code: '350881', province: '福建省', city: '龙岩市', district: '漳平市', weight: 1 },
  { code: '350102', province: '福建省', city: '福州市', district: '鼓楼区', weight: 2 },
  { code: '460400', province: '海南省', city: '儋州市', district: '那大镇', weight: 2 },
  { code: '460106', province: '海南省', city: '海口市', district: '龙华区', weight: 1 },
  { code: '430102', province: '湖南省', city: '长沙市', district: '芙蓉区', weight: 2 },
  { code: '430111', province: '湖南省', city: '长沙市', district: '雨花区', weight: 2 },
  { code: '431121', province: '湖南省', city: '永州市', district: '祁阳县', weight: 1 },
  { code: '320402', province: '江苏省', city: '常州市', district: '天宁区', weight: 2 },
  { code: '320412', province: '江苏省', city: '常州市', district: '武进区', weight: 2 },
  { code: '320106', province: '江苏省', city: '南京市', district: '鼓楼区', weight: 2 },
  { code: '330106', province: '浙江省', city: '杭州市', district: '西湖区', weight: 2 },
  { code: '330302', province: '浙江省', city: '温州市', district: '鹿城区', weight: 1 },
  { code: '440304', province: '广东省', city: '深圳市', district: '福田区', weight: 2 },
  { code: '441581', province: '广东省', city: '汕尾市', district: '陆丰市', weight: 1 },
  { code: '450126', province: '广西壮族自治区', city: '南宁市', district: '宾阳县', weight: 1 },
  { code: '360122', province: '江西省', city: '南昌市', district: '新建区', weight: 1 },
  { code: '341202', province: '安徽省', city: '阜阳市', district: '颍州区', weight: 1 },
  { code: '410102', province: '河南省', city: '郑州市', district: '中原区', weight: 2 },
  { code: '420106', province: '湖北省', city: '武汉市', district: '武昌区', weight: 2 },
  { code: '510107', province: '四川省', city: '成都市', district: '武侯区', weight: 2 },
  { code: '500103', province: '重庆市', city: '重庆市', district: '渝中区', weight: 1 },
  { code: '370102', province: '山东省', city: '济南市', district: '历下区', weight: 2 },
  { code: '110105', province: '北京市', city: '北京市', district: '朝阳区', weight: 2 },
  { code: '120101', province: '天津市', city: '天津市', district: '和平区', weight: 1 },
  { code: '530102', province: '云南省', city: '昆明市', district: '五华区', weight: 1 },
  { code: '232700', province: '黑龙江省', city: '大兴安岭地区', district: '加格达奇区', weight: 1 },
];

export const SHANGHAI_REGION_COUNT = REGIONS.filter((r) => r.province === '上海市').length;

export interface Agency {
  readonly id: string;
  readonly name: string;
  readonly province: string;
  readonly city: string;
  readonly level: 'CITY' | 'PROVINCE' | 'MINISTRY';
  /** Index into REGIONS of the districts whose cases this agency files. */
  readonly regions: readonly number[];
  readonly stations: readonly string[];
  /** Twelve-digit unit code used in case numbers. */
  readonly unit: string;
}

const regionIdx = (...codes: string[]): number[] =>
  codes.map((c) => {
    const i = REGIONS.findIndex((r) => r.code === c);
    if (i < 0) throw new Error(`unknown region ${c}`);
    return i;
  });

export const AGENCIES: readonly Agency[] = [
  {
    id: 'sh-psb',
    name: '上海市公安局反电信网络诈骗中心',
    province: '上海市',
    city: '上海市',
    level: 'PROVINCE',
    regions: [],
    stations: [],
    unit: '310000000000',
  },
  {
    id: 'sh-pudong-psb',
    name: '上海市公安局浦东分局',
    province: '上海市',
    city: '上海市',
    level: 'CITY',
    regions: regionIdx('310115'),
    stations: ['陆家嘴派出所', '花木派出所', '张江派出所', '川沙派出所', '北蔡派出所', '三林派出所', '周浦派出所'],
    unit: '310115000000',
  },
  {
    id: 'sh-minhang-psb',
    name: '上海市公安局闵行分局',
    province: '上海市',
    city: '上海市',
    level: 'CITY',
    regions: regionIdx('310112', '310120'),
    stations: ['莘庄派出所', '七宝派出所', '古美路派出所', '浦江派出所', '南桥派出所'],
    unit: '310112000000',
  },
  {
    id: 'sh-xuhui-psb',
    name: '上海市公安局徐汇分局',
    province: '上海市',
    city: '上海市',
    level: 'CITY',
    regions: regionIdx('310104', '310105'),
    stations: ['天平路派出所', '田林新村派出所', '斜土路派出所', '新华路派出所', '仙霞路派出所'],
    unit: '310104000000',
  },
  {
    id: 'sh-jingan-psb',
    name: '上海市公安局静安分局',
    province: '上海市',
    city: '上海市',
    level: 'CITY',
    regions: regionIdx('310106', '310101', '310109'),
    stations: ['南京西路派出所', '曹家渡派出所', '外滩派出所', '四川北路派出所', '大宁路派出所'],
    unit: '310106000000',
  },
  {
    id: 'sh-baoshan-psb',
    name: '上海市公安局宝山分局',
    province: '上海市',
    city: '上海市',
    level: 'CITY',
    regions: regionIdx('310113', '310107', '310110'),
    stations: ['友谊路派出所', '大场派出所', '长风新村派出所', '五角场派出所', '殷行派出所'],
    unit: '310113000000',
  },
  {
    id: 'sh-songjiang-psb',
    name: '上海市公安局松江分局',
    province: '上海市',
    city: '上海市',
    level: 'CITY',
    regions: regionIdx('310117', '310114', '310118'),
    stations: ['岳阳派出所', '九亭派出所', '泗泾派出所', '嘉定镇派出所', '赵巷派出所'],
    unit: '310117000000',
  },
  {
    id: 'fj-longyan-psb',
    name: '福建省龙岩市公安局',
    province: '福建省',
    city: '龙岩市',
    level: 'CITY',
    regions: regionIdx('350802', '350881'),
    stations: ['西城派出所', '东肖派出所', '菁城派出所'],
    unit: '350800000000',
  },
  {
    id: 'hi-danzhou-psb',
    name: '海南省儋州市公安局',
    province: '海南省',
    city: '儋州市',
    level: 'CITY',
    regions: regionIdx('460400', '460106'),
    stations: ['那大派出所', '白马井派出所', '洋浦派出所'],
    unit: '460400000000',
  },
  {
    id: 'hn-changsha-psb',
    name: '湖南省长沙市公安局',
    province: '湖南省',
    city: '长沙市',
    level: 'CITY',
    regions: regionIdx('430102', '430111', '431121'),
    stations: ['五里牌派出所', '砂子塘派出所', '东塘派出所'],
    unit: '430100000000',
  },
  {
    id: 'js-changzhou-psb',
    name: '江苏省常州市公安局',
    province: '江苏省',
    city: '常州市',
    level: 'CITY',
    regions: regionIdx('320402', '320412', '320106'),
    stations: ['红梅派出所', '湖塘派出所', '南大街派出所'],
    unit: '320400000000',
  },
  {
    id: 'zj-hangzhou-psb',
    name: '浙江省杭州市公安局',
    province: '浙江省',
    city: '杭州市',
    level: 'CITY',
    regions: regionIdx('330106', '330302'),
    stations: ['北山派出所', '文新派出所', '五马派出所'],
    unit: '330100000000',
  },
  {
    id: 'gd-shenzhen-psb',
    name: '广东省深圳市公安局',
    province: '广东省',
    city: '深圳市',
    level: 'CITY',
    regions: regionIdx('440304', '441581', '450126'),
    stations: ['福田派出所', '华富派出所', '沙头派出所'],
    unit: '440300000000',
  },
  {
    id: 'hb-wuhan-psb',
    name: '湖北省武汉市公安局',
    province: '湖北省',
    city: '武汉市',
    level: 'CITY',
    regions: regionIdx('420106', '410102', '341202', '360122'),
    stations: ['中南路派出所', '水果湖派出所', '积玉桥派出所'],
    unit: '420100000000',
  },
  {
    id: 'sc-chengdu-psb',
    name: '四川省成都市公安局',
    province: '四川省',
    city: '成都市',
    level: 'CITY',
    regions: regionIdx('510107', '500103', '530102'),
    stations: ['玉林派出所', '浆洗街派出所', '望江路派出所'],
    unit: '510100000000',
  },
  {
    id: 'bj-psb',
    name: '北京市公安局',
    province: '北京市',
    city: '北京市',
    level: 'PROVINCE',
    regions: regionIdx('110105', '120101', '370102', '232700', '320106'),
    stations: ['三里屯派出所', '建外派出所', '团结湖派出所'],
    unit: '110000000000',
  },
  {
    id: 'mps-cid',
    name: '公安部刑事侦查局',
    province: '北京市',
    city: '北京市',
    level: 'MINISTRY',
    regions: [],
    stations: [],
    unit: '100000000000',
  },
];

export const agencyById = new Map(AGENCIES.map((a) => [a.id, a]));
/** Agencies that file cases (district and city bureaus), in a fixed order. */
export const FILING_AGENCIES = AGENCIES.filter((a) => a.regions.length > 0);

export function agency(id: string): Agency {
  const a = agencyById.get(id);
  if (!a) throw new Error(`unknown agency ${id}`);
  return a;
}

export interface Base {
  readonly country: string;
  readonly province: string;
  readonly city: string;
  readonly abroad: boolean;
  /** E.164 country code for phones bought there. */
  readonly dial: string;
  /** The agency that takes a gang based here down, when it is not Shanghai's centre. */
  readonly agency: string;
}

export const BASES: readonly Base[] = [
  { country: '中国', province: '海南省', city: '儋州市', abroad: false, dial: '86', agency: 'hi-danzhou-psb' },
  { country: '中国', province: '湖南省', city: '长沙市', abroad: false, dial: '86', agency: 'hn-changsha-psb' },
  { country: '中国', province: '江苏省', city: '常州市', abroad: false, dial: '86', agency: 'js-changzhou-psb' },
  { country: '中国', province: '福建省', city: '龙岩市', abroad: false, dial: '86', agency: 'fj-longyan-psb' },
  { country: '中国', province: '广东省', city: '汕尾市', abroad: false, dial: '86', agency: 'gd-shenzhen-psb' },
  { country: '中国', province: '广西壮族自治区', city: '宾阳县', abroad: false, dial: '86', agency: 'gd-shenzhen-psb' },
  { country: '柬埔寨', province: '西哈努克省', city: '西哈努克港', abroad: true, dial: '855', agency: 'mps-cid' },
  { country: '缅甸', province: '克伦邦', city: '妙瓦底', abroad: true, dial: '95', agency: 'mps-cid' },
  { country: '老挝', province: '博胶省', city: '金三角经济特区', abroad: true, dial: '856', agency: 'mps-cid' },
];

/** Where money-layer members and card sellers live: provinces with many rented and sold cards. */
export const MULE_REGIONS: readonly string[] = ['430111', '431121', '320412', '350802', '460400', '450126', '360122', '341202', '410102', '441581', '530102', '232700'];
