import { isMessageKey, type MessageKey, type Params } from '../i18n/messages';
import type { Change } from './use-canvas-history';

/** A change's name in the current language; parameters that are message keys (a layout's name) are translated too. */
export function describeChange(t: (key: MessageKey, params?: Params) => string, change: Change): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(change.params ?? {})) params[k] = typeof v === 'string' && isMessageKey(v) ? t(v) : v;
  return t(change.key, params);
}
