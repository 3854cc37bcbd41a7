import { describe, expect, it } from 'vitest';
import {
  agencyPrincipal,
  decodeGrants,
  decodeOwners,
  mergeOwners,
  NATIONAL,
  taskForcePrincipal,
  viewerParams,
  visibleEncoded,
  visibleTo,
  withGrant,
  withoutGrant,
} from './visibility';

describe('owners strings with grants', () => {
  const stored = '|sh-psb|~tf:1|fj-psb|~national|';

  it('shows the owning agencies as holders and keeps grants apart', () => {
    expect(decodeOwners(stored)).toEqual(['sh-psb', 'fj-psb']);
    expect(decodeGrants(stored)).toEqual(['~tf:1', NATIONAL]);
    expect(decodeOwners(null)).toEqual([]);
  });

  it('mergeOwners — the rule of every writer — keeps every stored token, grants included, and appends new agencies once', () => {
    expect(mergeOwners(stored, ['fj-psb', 'gd-psb', 'gd-psb'])).toBe('|sh-psb|~tf:1|fj-psb|~national|gd-psb|');
    expect(mergeOwners(stored, ['sh-psb'])).toBe(stored);
    expect(mergeOwners('', ['sh-psb'])).toBe('|sh-psb|');
    expect(mergeOwners(undefined, ['sh-psb', 'fj-psb'])).toBe('|sh-psb|fj-psb|');
  });

  it('grants and withdraws one principal, leaving the rest', () => {
    expect(withGrant('|sh-psb|', taskForcePrincipal('tf:2'))).toBe('|sh-psb|~tf:2|');
    expect(withGrant(stored, '~tf:1')).toBe(stored);
    expect(withoutGrant(stored, '~tf:1')).toBe('|sh-psb|fj-psb|~national|');
    expect(withoutGrant(stored, '~tf:9')).toBe(stored);
    expect(() => withGrant(stored, 'fj-psb')).toThrow('bad grant principal: "fj-psb"');
    expect(() => withGrant(stored, '~tf|x')).toThrow('bad grant principal');
  });

  it('a viewer sees under its agencies, them as grantees, its task forces and national sharing; with no agency, nothing', () => {
    const viewer = { agencies: ['fj-psb'], userId: 'u', grants: [taskForcePrincipal('tf:1')] };
    expect(viewerParams(viewer).ownerPattern).toBe('.*[|](fj-psb|~ag[.]fj-psb|~tf:1|~national)[|].*');
    const pattern = new RegExp(`^${viewerParams(viewer).ownerPattern}$`);
    expect(pattern.test('|sh-psb|~tf:1|')).toBe(true);
    expect(pattern.test('|sh-psb|~tf:12|')).toBe(false);
    expect(pattern.test(`|sh-psb|${agencyPrincipal('fj-psb')}|`)).toBe(true);
    expect(visibleEncoded(viewer)('|sh-psb|~national|')).toBe(true);
    expect(visibleTo(viewer)({ owners: ['sh-psb'], grants: ['~tf:1'] })).toBe(true);
    expect(visibleTo(viewer)({ owners: ['sh-psb'] })).toBe(false);
    expect(visibleTo({ ...viewer, ownedOnly: true })({ owners: ['sh-psb'], grants: ['~tf:1'] })).toBe(false);
    expect(visibleEncoded({ agencies: [], userId: 'x' })('|sh-psb|~national|')).toBe(false);
  });

  it('a supervising viewer also sees what the agencies it supervises own, but not what they were granted, and hands none of it on', () => {
    const viewer = { agencies: ['sh-psb'], userId: 'u', oversees: ['sh-minhang-psb'] };
    expect(viewerParams(viewer).ownerPattern).toBe('.*[|](sh-psb|~ag[.]sh-psb|sh-minhang-psb|~national)[|].*');
    expect(visibleEncoded(viewer)('|sh-minhang-psb|')).toBe(true);
    expect(visibleEncoded(viewer)('|fj-psb|~ag.sh-minhang-psb|')).toBe(false);
    expect(visibleTo(viewer)({ owners: ['sh-minhang-psb'] })).toBe(true);
    expect(visibleTo({ ...viewer, ownedOnly: true })({ owners: ['sh-minhang-psb'] })).toBe(false);
    expect(() => viewerParams({ ...viewer, oversees: ['a|b'] })).toThrow('bad agency id: "a|b"');
  });
});
