import { describe, expect, it } from 'vitest';
import { parseCallType, parseFen, parseSeconds, parseTime, parseWay } from '../../../server/src/sheets/values';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { rowReasonKey, skipReasonKey } from './row-reasons';

const reasonOf = (f: () => unknown): string => {
  try {
    f();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('no error');
};

describe('the server’s row reasons, in the app’s language', () => {
  it('has a message for each reason the server’s cell readers give', () => {
    const reasons = [
      reasonOf(() => parseFen('')),
      reasonOf(() => parseFen('abc')),
      reasonOf(() => parseFen('1.234')),
      reasonOf(() => parseWay('?')),
      reasonOf(() => parseCallType('?')),
      reasonOf(() => parseSeconds('x')),
      reasonOf(() => parseTime('', 'Asia/Shanghai')),
      reasonOf(() => parseTime('昨天', 'Asia/Shanghai')),
    ];
    expect(reasons.map((r) => zhCN[rowReasonKey(r)!])).toEqual(['没有金额', '不是金额', '小数超过两位', '不是收付方向（应为 出/进、借/贷、付/收、D/C）', '不是呼叫类型（应为 主叫/被叫）', '不是通话时长', '没有时间', '不是时间']);
    // In English the reason reads as the server wrote it.
    expect(reasons.map((r) => en[rowReasonKey(r)!])).toEqual(reasons);
  });

  it('names why a row makes no link, and leaves a reason it does not know as it is', () => {
    expect(['no-counterparty', 'failed', 'sms', 'totals', 'empty'].map((r) => zhCN[skipReasonKey(r)!])).toEqual(['没有对方账号', '交易未成功', '短信', '合计行', '空行']);
    expect(rowReasonKey('something new')).toBeNull();
    expect(skipReasonKey('other')).toBeNull();
  });
});
