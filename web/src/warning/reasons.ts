import type { MessageKey, Params } from '../i18n/messages';

/** One reason of an early-warning entry as the API gives it. */
export interface Reason {
  code: string;
  count: number | null;
  seconds: number | null;
  at: string | null;
  company: string | null;
}

/**
 * The message (key and parameters) that says a reason in the user's language; `time` formats
 * an instant. Unknown codes (a newer server) show as they are.
 */
export function reasonMessage(r: Reason, time: (iso: string) => string): { key: MessageKey; params: Params } | { text: string } {
  switch (r.code) {
    case 'CONTACTED_BY':
      return { key: 'warning.reason.CONTACTED_BY', params: { count: r.count ?? 0 } };
    case 'CALLS':
      return { key: 'warning.reason.CALLS', params: { count: r.count ?? 0, minutes: Math.round((r.seconds ?? 0) / 6) / 10 } };
    case 'MESSAGES':
      return { key: 'warning.reason.MESSAGES', params: { count: r.count ?? 0 } };
    case 'RECENT':
      return { key: 'warning.reason.RECENT', params: { time: r.at ? time(r.at) : '' } };
    case 'REACHED_VICTIMS':
      return { key: 'warning.reason.REACHED_VICTIMS', params: { count: r.count ?? 0 } };
    case 'FAKE_BOSS_CONTACT':
      return { key: 'warning.reason.FAKE_BOSS_CONTACT', params: {} };
    case 'FINANCE_STAFF':
      return { key: 'warning.reason.FINANCE_STAFF', params: { company: r.company ?? '' } };
    case 'UNCLAIMED_CALLER':
      return { key: 'warning.reason.UNCLAIMED_CALLER', params: {} };
    default:
      return { text: r.code };
  }
}
