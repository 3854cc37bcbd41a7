import { describe, expect, it } from 'vitest';
import { CASE_CATEGORIES, CASE_STATUSES, CHANNELS, GANG_LAYERS, LABEL_NAMES, LINK_TYPE_NAMES, PLATFORMS, SOURCE_TYPES, LABELS } from '../../../server/src/domain/model';
import { en } from './en';
import { DICTIONARIES, placeholders, translate, type MessageKey } from './messages';
import { zhCN } from './zh-CN';

describe('the dictionaries', () => {
  it('have the same keys in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('have the same placeholders in both languages', () => {
    const differ = (Object.keys(zhCN) as MessageKey[]).filter((k) => placeholders(zhCN[k]).join() !== placeholders(en[k]).join());
    expect(differ).toEqual([]);
  });

  it('leave no message empty', () => {
    for (const dict of Object.values(DICTIONARIES)) expect(Object.entries(dict).filter(([, v]) => !v.trim())).toEqual([]);
  });

  it('name every label, link type, layer, category, status, channel, platform, source type and property of the model', () => {
    const keys = [
      ...LABEL_NAMES.map((l) => `label.${l}`),
      ...LINK_TYPE_NAMES.map((l) => `link.${l}`),
      ...GANG_LAYERS.map((l) => `layer.${l}`),
      ...CASE_CATEGORIES.map((c) => `category.${c}`),
      ...CASE_STATUSES.map((s) => `status.${s}`),
      ...CHANNELS.map((c) => `channel.${c}`),
      ...PLATFORMS.map((p) => `platform.${p}`),
      ...SOURCE_TYPES.map((s) => `source.${s}`),
      ...Object.values(LABELS).flatMap((l) => Object.keys(l.props).map((p) => `prop.${p}`)),
    ];
    expect(keys.filter((k) => !(k in zhCN))).toEqual([]);
  });

  it('fill placeholders and leave unknown ones visible', () => {
    expect(translate('zh-CN', 'search.results', { text: '1007', count: 3 })).toBe('“1007”的搜索结果：3 条');
    expect(translate('en', 'search.results', { text: '1007', count: 3 })).toBe('Results for “1007”: 3');
    expect(translate('en', 'search.results', { count: 3 })).toBe('Results for “{text}”: 3');
  });
});
