import type { GraphLink } from '../domain/types';
import { linkIdentity } from './batch-check';

/**
 * Which of the parallel links that make one hop of a route a path names (all of them are in the
 * result's links): one in the direction of travel before one against it, then the latest (the
 * contact or transfer an investigator follows), then by identity.
 */
export function hopLink(parallel: GraphLink[], from: string): GraphLink {
  const rank = (l: GraphLink) => (l.from === from ? 0 : 1);
  const at = (l: GraphLink) => (typeof l.props.at === 'string' ? l.props.at : '');
  return [...parallel].sort((a, b) => rank(a) - rank(b) || (at(a) > at(b) ? -1 : at(a) < at(b) ? 1 : 0) || (linkIdentity(a) < linkIdentity(b) ? -1 : 1))[0]!;
}
