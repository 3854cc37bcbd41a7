import { STORY_IDS, type StoryId } from '../home/stories';

/**
 * The app's addresses. A saved investigation has its own (/investigations/<id>), which is what
 * "share by link" hands over; the server answers every such path with the app (static.ts).
 */
export type Route =
  | { name: 'home'; q: string }
  | { name: 'workspace'; open: string[]; story: StoryId | null; /** A card whose money trail opens (after `open`). */ trail?: string }
  | { name: 'investigation'; id: string }
  | { name: 'report' }
  | { name: 'import' }
  | { name: 'warnings'; gang: string | null }
  | { name: 'series'; offset: number }
  | { name: 'access' }
  | { name: 'audit' }
  | { name: 'taskForces' }
  | { name: 'taskForce'; id: string };

export function parseRoute(pathname: string, search: string): Route {
  const params = new URLSearchParams(search);
  const inv = /^\/investigations\/([^/]+)\/?$/.exec(pathname);
  if (inv) {
    try {
      return { name: 'investigation', id: decodeURIComponent(inv[1]!) };
    } catch {
      return { name: 'home', q: '' };
    }
  }
  const tf = /^\/task-forces\/([^/]+)\/?$/.exec(pathname);
  if (tf) {
    try {
      return { name: 'taskForce', id: decodeURIComponent(tf[1]!) };
    } catch {
      return { name: 'taskForces' };
    }
  }
  if (/^\/task-forces\/?$/.test(pathname)) return { name: 'taskForces' };
  if (/^\/access\/?$/.test(pathname)) return { name: 'access' };
  if (/^\/audit\/?$/.test(pathname)) return { name: 'audit' };
  if (/^\/report\/?$/.test(pathname)) return { name: 'report' };
  if (/^\/import\/?$/.test(pathname)) return { name: 'import' };
  if (/^\/warnings\/?$/.test(pathname)) return { name: 'warnings', gang: params.get('gang') || null };
  if (/^\/series\/?$/.test(pathname)) return { name: 'series', offset: Math.max(0, Math.trunc(Number(params.get('offset'))) || 0) };
  if (/^\/workspace\/?$/.test(pathname)) {
    const story = params.get('story');
    const trail = params.get('trail');
    return {
      name: 'workspace',
      open: params.getAll('open').filter(Boolean),
      story: (STORY_IDS as readonly (string | null)[]).includes(story) ? (story as StoryId) : null,
      ...(trail ? { trail } : {}),
    };
  }
  return { name: 'home', q: params.get('q') ?? '' };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'investigation':
      return `/investigations/${encodeURIComponent(route.id)}`;
    case 'report':
      return '/report';
    case 'access':
      return '/access';
    case 'audit':
      return '/audit';
    case 'taskForces':
      return '/task-forces';
    case 'taskForce':
      return `/task-forces/${encodeURIComponent(route.id)}`;
    case 'import':
      return '/import';
    case 'warnings':
      return route.gang ? `/warnings?${new URLSearchParams({ gang: route.gang })}` : '/warnings';
    case 'series':
      return route.offset > 0 ? `/series?${new URLSearchParams({ offset: String(route.offset) })}` : '/series';
    case 'workspace': {
      const params = new URLSearchParams();
      for (const id of route.open) params.append('open', id);
      if (route.story) params.set('story', route.story);
      if (route.trail) params.set('trail', route.trail);
      const query = params.toString();
      return query ? `/workspace?${query}` : '/workspace';
    }
    default:
      return route.q ? `/?${new URLSearchParams({ q: route.q })}` : '/';
  }
}
