import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/messages';
import { reasonMessage, type Reason } from './reasons';

const reason = (r: Partial<Reason> & { code: string }): Reason => ({ count: null, seconds: null, at: null, company: null, ...r });
const say = (lang: 'zh-CN' | 'en', r: Reason) => {
  const m = reasonMessage(r, (iso) => iso.slice(0, 10));
  return 'text' in m ? m.text : translate(lang, m.key, m.params);
};

describe('early-warning reasons', () => {
  it('says each reason in both languages', () => {
    expect(say('zh-CN', reason({ code: 'CALLS', count: 2, seconds: 120 }))).toBe('被呼叫 2 次，共 2 分钟');
    expect(say('en', reason({ code: 'CALLS', count: 2, seconds: 120 }))).toBe('called 2 times, 2 min in all');
    expect(say('zh-CN', reason({ code: 'FINANCE_STAFF', company: '某某贸易公司' }))).toBe('某某贸易公司的财务人员：该公司已遭“冒充公司领导”诈骗');
    expect(say('en', reason({ code: 'RECENT', at: '2026-03-25T02:00:00.000Z' }))).toBe('last contact 2026-03-25');
  });

  it('shows a code it does not know as it is', () => {
    expect(say('en', reason({ code: 'NEW_CODE' }))).toBe('NEW_CODE');
  });
});
