import { describe, expect, it } from 'vitest';
import { demoBundle } from '../../../seed/src/generate';
import { DEMO_USERS, demoInvestigatorOf } from '../../../server/src/auth/demo-users';
import { STORIES, storyAnchor } from './stories';

/** The agencies that hold each node of the demo bundle (the importer unions a node's owners). */
function demoOwners(): Map<string, Set<string>> {
  const owners = new Map<string, Set<string>>();
  for (const r of demoBundle()) {
    if (r.kind !== 'node' || !r.owner) continue;
    const set = owners.get(r.id) ?? new Set<string>();
    set.add(r.owner);
    owners.set(r.id, set);
  }
  return owners;
}

describe('the demo stories', () => {
  it('start from the node each opens first', () => {
    expect(STORIES.map(storyAnchor)).toEqual(['gang:730-sihanoukville', 'case:A310112000000202408900821', 'case:A310115000000202410901015', 'case:A310104000000202409900912']);
  });

  it('name the agency that holds their first node, and a demo investigator of it who can open them', () => {
    const owners = demoOwners();
    for (const story of STORIES) {
      expect([story.id, owners.get(storyAnchor(story))?.has(story.holder)]).toEqual([story.id, true]);
    }
    expect(STORIES.map((s) => demoInvestigatorOf(s.holder))).toEqual(['sh.investigator', 'minhang.investigator', 'pudong.investigator', 'xuhui.investigator']);
  });

  it('have no demo investigator for an agency without one', () => {
    expect(demoInvestigatorOf('hb-wuhan-psb')).toBeUndefined();
    expect(DEMO_USERS.filter((u) => u.role === 'INVESTIGATOR').map((u) => u.agency)).not.toContain('hb-wuhan-psb');
  });
});
