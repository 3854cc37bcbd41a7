import { describe, expect, it } from 'vitest';
import { LABELS } from '../../../../server/src/domain/model';
import { translate, type MessageKey, type Params } from '../../i18n/messages';
import { formatValue } from './format-value';

const zh = (key: MessageKey, params?: Params) => translate('zh-CN', key, params);
const en = (key: MessageKey, params?: Params) => translate('en', key, params);
const caseProp = (prop: keyof typeof LABELS.Case.props, value: unknown, t = zh, locale: 'zh-CN' | 'en' = 'zh-CN') => formatValue({ prop, def: LABELS.Case.props[prop], value, locale, t });

describe('property values in the details panel', () => {
  it('show money in yuan, exactly', () => {
    expect(caseProp('loss', '98000000')).toBe('98万');
    expect(caseProp('loss', '98000000', en, 'en')).toBe('¥980,000');
  });

  it('show times in Asia/Shanghai', () => {
    expect(caseProp('reportedAt', '2024-08-21T02:42:00.000Z')).toBe('2024-08-21 10:42:00');
  });

  it('show enums and booleans in words', () => {
    expect(caseProp('category', 'IMPERSONATE_AUTHORITY')).toBe('冒充公检法');
    expect(caseProp('status', 'CLOSED', en, 'en')).toBe('Closed');
    expect(formatValue({ prop: 'frozen', def: LABELS.BankCard.props.frozen, value: true, locale: 'zh-CN', t: zh })).toBe('是');
  });

  it('join lists and leave out what is empty', () => {
    expect(formatValue({ prop: 'aliases', def: LABELS.Person.props.aliases, value: ['峰哥', '老林'], locale: 'zh-CN', t: zh })).toBe('峰哥、老林');
    expect(caseProp('summary', null)).toBeUndefined();
    expect(caseProp('summary', '')).toBeUndefined();
  });
});
