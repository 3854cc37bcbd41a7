import type { PropDef } from '../../../../server/src/domain/model';
import { formatMoney, formatShanghai, type Locale } from '../../graph/format';
import { isMessageKey, type MessageKey, type Params } from '../../i18n/messages';

/** Which dictionary prefix names an enum property's values. */
const ENUM_PREFIX: Record<string, string> = {
  category: 'category',
  channel: 'channel',
  status: 'status',
  gender: 'gender',
  accountType: 'accountType',
  platform: 'platform',
  level: 'level',
  layer: 'layer',
  type: 'source',
};

/**
 * A property's value as the details panel shows it: money in yuan, times in Asia/Shanghai,
 * enums in words, yes/no, lists joined; undefined when there is nothing to show.
 */
export function formatValue({
  prop,
  def,
  value,
  locale,
  t,
}: {
  prop: string;
  def: PropDef | undefined;
  value: unknown;
  locale: Locale;
  t: (key: MessageKey, params?: Params) => string;
}): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (Array.isArray(value)) return value.length ? value.map(String).join(locale === 'zh-CN' ? '、' : ', ') : undefined;
  switch (def?.type) {
    case 'money':
      return formatMoney(value as string, locale);
    case 'time':
      return formatShanghai(String(value), true);
    case 'boolean':
      return t(value ? 'value.yes' : 'value.no');
    case 'enum': {
      const key = `${ENUM_PREFIX[prop] ?? prop}.${String(value)}`;
      return isMessageKey(key) ? t(key) : String(value);
    }
    default:
      return String(value);
  }
}
