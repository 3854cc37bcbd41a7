import { describe, expect, it } from 'vitest';
import { AGENCIES } from '../../../seed/src/places';
import { DEFAULT_VIEWER, DEMO_AGENCIES, parseViewer, viewerHeaders } from './viewer';

describe('the development viewer', () => {
  it('defaults to every agency of the demo, as an investigator', () => {
    expect(DEMO_AGENCIES.map((a) => [a.id, a.zh])).toEqual(AGENCIES.map((a) => [a.id, a.name]));
    expect(DEFAULT_VIEWER.agencies).toHaveLength(17);
    expect(DEFAULT_VIEWER.role).toBe('INVESTIGATOR');
  });

  it('is sent as the headers the server reads', () => {
    expect(viewerHeaders({ agencies: ['sh-psb', 'fj-longyan-psb'], user: 'officer-7', role: 'PROSECUTOR' })).toEqual({
      'x-agencies': 'sh-psb,fj-longyan-psb',
      'x-user': 'officer-7',
      'x-role': 'PROSECUTOR',
    });
  });

  it('is read back from storage, with malformed parts replaced by defaults', () => {
    expect(parseViewer(JSON.stringify({ agencies: ['sh-psb', 'BAD AGENCY', 'sh-psb', 3], user: 'x y', role: 'ADMIN' }))).toEqual({
      agencies: ['sh-psb'],
      user: DEFAULT_VIEWER.user,
      role: 'INVESTIGATOR',
    });
    expect(parseViewer(JSON.stringify({ agencies: [], user: 'officer-7', role: 'RESTRICTED' }))).toEqual({ agencies: [], user: 'officer-7', role: 'RESTRICTED' });
    expect(parseViewer('{not json')).toBe(DEFAULT_VIEWER);
    expect(parseViewer(null)).toBe(DEFAULT_VIEWER);
  });
});
