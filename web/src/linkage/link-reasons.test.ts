import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/messages';
import { linkReasonMessage, seriesReasonMessage, type LinkReason } from './link-reasons';

const reason = (r: Partial<LinkReason> & { kind: string; weight: number }): LinkReason => ({ label: null, cases: null, days: null, detail: null, identifier: null, ...r });
const names = (lang: 'zh-CN' | 'en') => ({
  label: (l: string) => translate(lang, `linkage.kind.${l}` as never),
  category: (c: string) => translate(lang, `category.${c}` as never),
});
const say = (lang: 'zh-CN' | 'en', r: LinkReason) => {
  const m = linkReasonMessage(r, names(lang));
  return 'text' in m ? m.text : translate(lang, m.key, m.params);
};

describe('case link reasons', () => {
  it('says what two cases share, how many cases share it and what it weighs, in both languages', () => {
    const card = reason({ kind: 'SHARED_IDENTIFIER', weight: 0.651, label: 'BankCard', cases: 10, identifier: { id: 'card:1', caption: '****7890' } });
    expect(say('en', card)).toBe('shares card ****7890 (10 cases involve it) +0.651');
    expect(say('zh-CN', card)).toBe('共用银行卡 ****7890（10 起案件涉及）+0.651');
    expect(say('en', reason({ kind: 'CLOSE_IN_TIME', weight: 0.08, days: 3 }))).toBe('reported 3 days apart +0.08');
    expect(say('zh-CN', reason({ kind: 'SAME_CATEGORY', weight: 0.08, detail: 'ONLINE_LOAN' }))).toBe(`同类案件：${translate('zh-CN', 'category.ONLINE_LOAN')} +0.08`);
    expect(say('en', reason({ kind: 'JUDGED', weight: -2 }))).toBe('rejected by an investigator -2');
    expect(say('en', reason({ kind: 'NEW_KIND', weight: 0.5 }))).toBe('NEW_KIND +0.5');
  });

  it('gives a series its one-line reason', () => {
    const key = (id: string, label: string, cases: number) => ({ id, label, cases, caseCount: cases, node: { caption: id.slice(id.indexOf(':') + 1) } });
    const m = seriesReasonMessage({ size: 4, keyIdentifiers: [key('card:6222', 'BankCard', 4), key('phone:+86138', 'Phone', 2)], identifierCount: 5, confirmedLinks: 0 }, names('en'));
    expect('key' in m && translate('en', m.key, m.params)).toBe('4 cases sharing card 6222 (4), phone +86138 (2) (5 shared identifiers in all)');
    const c = seriesReasonMessage({ size: 2, keyIdentifiers: [], identifierCount: 0, confirmedLinks: 1 }, names('zh-CN'));
    expect('key' in c && translate('zh-CN', c.key, c.params)).toBe('1 对案件经侦查员确认串并');
  });
});
