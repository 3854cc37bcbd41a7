import type { MessageKey, Params } from '../i18n/messages';

/** One reason of a case link as the API gives it (CaseLinkReason). */
export interface LinkReason {
  kind: string;
  weight: number;
  label: string | null;
  cases: number | null;
  days: number | null;
  detail: string | null;
  identifier: { id: string; caption: string } | null;
}

/** One identifier a series turns on (SeriesIdentifier). */
export interface SeriesKey {
  id: string;
  label: string;
  cases: number;
  caseCount: number;
  node: { caption: string } | null;
}

type Message = { key: MessageKey; params: Params } | { text: string };

const signed = (w: number) => (w >= 0 ? `+${w}` : `${w}`);

/**
 * The message that says one reason for a link in the user's language, with its weight;
 * `label` and `category` name a label or category in that language. Unknown kinds show as they are.
 */
export function linkReasonMessage(r: LinkReason, name: { label(l: string): string; category(c: string): string }): Message {
  const weight = signed(r.weight);
  switch (r.kind) {
    case 'SHARED_IDENTIFIER':
      return { key: 'linkage.reason.SHARED_IDENTIFIER', params: { what: `${r.label ? name.label(r.label) : ''} ${r.identifier?.caption ?? ''}`.trim(), cases: r.cases ?? 0, weight } };
    case 'SAME_CATEGORY':
      return { key: 'linkage.reason.SAME_CATEGORY', params: { category: r.detail ? name.category(r.detail) : '', weight } };
    case 'CLOSE_IN_TIME':
      return { key: 'linkage.reason.CLOSE_IN_TIME', params: { days: r.days ?? 0, weight } };
    case 'SAME_PLACE':
      return { key: 'linkage.reason.SAME_PLACE', params: { place: r.detail ?? '', weight } };
    case 'JUDGED':
      return { key: r.weight > 0 ? 'linkage.reason.CONFIRMED' : 'linkage.reason.REJECTED', params: { weight } };
    default:
      return { text: `${r.kind} ${weight}` };
  }
}

/** The one-line reason of a series: what joins most of its cases. */
export function seriesReasonMessage(s: { size: number; keyIdentifiers: SeriesKey[]; identifierCount: number; confirmedLinks: number }, name: { label(l: string): string }): Message {
  const [first] = s.keyIdentifiers;
  if (!first) return { key: 'series.reason.confirmed', params: { count: s.confirmedLinks } };
  const what = s.keyIdentifiers.map((k) => `${name.label(k.label)} ${k.node?.caption ?? k.id} (${k.cases})`).join(', ');
  return { key: 'series.reason.shared', params: { size: s.size, what, total: s.identifierCount } };
}
