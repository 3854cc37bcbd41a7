import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from './route';

describe('routes', () => {
  it('round-trips every kind of address', () => {
    const routes: Route[] = [
      { name: 'home', q: '' },
      { name: 'home', q: '+8617093073001' },
      { name: 'workspace', open: [], story: null },
      { name: 'workspace', open: ['phone:+8617093073001', 'card:6212261001730821007'], story: null },
      { name: 'workspace', open: [], story: 'wu' },
      { name: 'workspace', open: ['card:6222021001122334455', 'card:6217000011112222333'], story: null, trail: 'card:6222021001122334455' },
      { name: 'investigation', id: 'inv:2f1e7c4a-0b7e-4f55-9d1b-1c2d3e4f5a6b' },
      { name: 'report' },
      { name: 'warnings', gang: null },
      { name: 'warnings', gang: 'gang:730' },
      { name: 'series', offset: 0 },
      { name: 'series', offset: 50 },
      { name: 'access' },
      { name: 'audit' },
      { name: 'taskForces' },
      { name: 'taskForce', id: 'tf:2f1e7c4a-0b7e-4f55-9d1b-1c2d3e4f5a6b' },
    ];
    for (const route of routes) {
      const url = new URL(routeHref(route), 'http://app');
      expect(parseRoute(url.pathname, url.search)).toEqual(route);
    }
  });

  it('writes a shareable investigation link with its id escaped', () => {
    expect(routeHref({ name: 'investigation', id: 'inv:abc' })).toBe('/investigations/inv%3Aabc');
    expect(routeHref({ name: 'home', q: '7·30 +86' })).toBe('/?q=7%C2%B730+%2B86');
  });

  it('takes anything else for the home page and ignores unknown stories', () => {
    expect(parseRoute('/nowhere', '')).toEqual({ name: 'home', q: '' });
    expect(parseRoute('/workspace', '?story=nope')).toEqual({ name: 'workspace', open: [], story: null });
    expect(parseRoute('/investigations/%E0%A4%A', '')).toEqual({ name: 'home', q: '' });
    expect(parseRoute('/series', '?offset=-3')).toEqual({ name: 'series', offset: 0 });
    expect(parseRoute('/audit/', '')).toEqual({ name: 'audit' });
    expect(parseRoute('/series', '?offset=x')).toEqual({ name: 'series', offset: 0 });
  });
});
