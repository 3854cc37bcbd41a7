/** Case summaries as an investigator would read them in a case file (简要案情). */
import type { CaseCategory } from '../../server/src/domain/model';
import type { Rng } from './rng';

export function yuanText(fen: number): string {
  const yuan = fen / 100;
  if (yuan >= 10_000) return `${(yuan / 10_000).toFixed(yuan % 100 === 0 ? 2 : 4).replace(/\.?0+$/, '')}万元`;
  return `${Number.isInteger(yuan) ? yuan : yuan.toFixed(2)}元`;
}

const PLATFORMS = ['某购物平台', '某二手交易平台', '某直播平台', '某外卖平台'];
const ITEMS = ['演唱会门票', '二手手机', '游戏账号', '低价名牌包', '宠物犬', '二手相机'];
const LOAN_APPS = ['“鑫易贷”', '“速借宝”', '“安心借”', '“信用钱包”'];
const RELATIONS = ['同学', '老同事', '表哥', '领导', '老朋友', '亲戚'];
const JOBS = ['海外工程师', '投资经理', '军官', '外企高管', '医生'];
const INVEST = ['“汇盈国际”', '“金石资本”', '“BTC Pro”', '“恒信外汇”'];
const AUTHORITIES = ['市公安局民警', '检察院检察官', '法院工作人员', '医保局工作人员'];

export function summary(o: {
  rng: Rng;
  category: CaseCategory;
  victim: string;
  city: string;
  transfers: number;
  loss: number;
  company?: string;
}): string {
  const { rng, victim, city, transfers } = o;
  const loss = yuanText(o.loss);
  const times = transfers > 1 ? `先后转账${transfers}笔，` : transfers === 1 ? '转账1笔，' : '';
  switch (o.category) {
    case 'ONLINE_SHOPPING':
      return `受害人${victim}在${rng.pick(PLATFORMS)}看到低价${rng.pick(ITEMS)}，按“卖家”要求添加联系方式私下付款，${times}付款后被拉黑，共计损失${loss}。`;
    case 'ONLINE_LOAN':
      return `受害人${victim}急需用钱，通过链接下载${rng.pick(LOAN_APPS)}贷款APP，被以“解冻费”“保证金”“刷流水”为由要求转账，${times}贷款未到账，共计损失${loss}。`;
    case 'PART_TIME_JOB':
      return `受害人${victim}被拉入“刷单兼职”群，按“派单员”指示垫付做任务，前几单获小额返利，后以“任务未完成需继续垫付”为由被诱导转账，${times}共计损失${loss}。`;
    case 'FAKE_CUSTOMER_SERVICE':
      return `受害人${victim}接到自称“${rng.pick(PLATFORMS)}客服”的电话，称其开通了“百万保障”服务需关闭，否则每月扣费，被诱导下载会议软件共享屏幕并转账，${times}共计损失${loss}。`;
    case 'FAKE_ACQUAINTANCE':
      return `受害人${victim}被冒充其${rng.pick(RELATIONS)}的QQ/微信账号添加，对方称急需资金周转，受害人未核实身份即转账，${times}共计损失${loss}。`;
    case 'ONLINE_ROMANCE':
      return `受害人${victim}在交友平台结识自称“${rng.pick(JOBS)}”的网友，确立恋爱关系后被带入虚假投资平台${rng.pick(INVEST)}，多次充值后无法提现，${times}共计损失${loss}。`;
    case 'IMPERSONATE_AUTHORITY':
      return `受害人${victim}接到自称“${city.replace(/市$/, '')}${rng.pick(AUTHORITIES)}”的电话，称其身份信息涉嫌洗钱案件，要求将资金转入“安全账户”配合调查，${times}共计损失${loss}。`;
    case 'IMPERSONATE_BOSS':
      return `${o.company ?? '某公司'}财务人员${victim}被拉入QQ工作群，群内冒充公司负责人的人员以“紧急付款”为由要求其向指定对公账户转账，${times}共计损失${loss}。`;
    default:
      return `受害人${victim}被以“注销校园贷”“游戏装备交易”“虚假中奖”等名义诱骗转账，${times}共计损失${loss}。`;
  }
}
