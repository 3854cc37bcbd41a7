import type { CaseFilter, Viewer } from '../domain/types';
import { num } from './mapping';
import type { CypherRunner, Row } from './runner';
import { viewerParams } from './visibility';

/**
 * The ids of the visible cases behind a figure of the report, newest report first (cases with
 * no report time last), then by id. The money figures are tested here, the ones that need a
 * link (a suspect, a frozen account) by one query each: the same plain queries on both engines.
 */
export async function matchingCases(runner: CypherRunner, viewer: Viewer, f: CaseFilter & { from: string; to: string }): Promise<string[]> {
  const vp = viewerParams(viewer);
  const rows = await runner.read('cases-matching', {
    ...vp,
    from: f.from,
    to: f.to,
    province: f.province ?? '',
    category: f.category ?? '',
    channel: f.channel ?? '',
    status: f.status ?? '',
  });
  const only = async (name: string) => new Set((await runner.read(name, vp)).map((r) => r.id as string));
  let keep: (r: Row) => boolean = () => true;
  switch (f.having) {
    case 'LOSS':
    case 'STOPPED':
    case 'RETURNED': {
      const field = f.having.toLowerCase();
      keep = (r) => num(r[field]) > 0;
      break;
    }
    case 'SUSPECT': {
      const ids = await only('cases-with-suspects');
      keep = (r) => ids.has(r.id as string);
      break;
    }
    case 'FROZEN_CARD': {
      const ids = await only('cases-with-frozen-cards');
      keep = (r) => ids.has(r.id as string);
      break;
    }
  }
  const at = (r: Row) => (typeof r.reportedAt === 'string' ? r.reportedAt : '');
  return rows
    .filter(keep)
    .sort((a, b) => (at(a) === at(b) ? ((a.id as string) < (b.id as string) ? -1 : 1) : at(a) === '' ? 1 : at(b) === '' ? -1 : at(a) < at(b) ? 1 : -1))
    .map((r) => r.id as string);
}
