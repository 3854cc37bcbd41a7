import { describe, expect, it } from 'vitest';
import { agencyNamer } from './agency-names';

describe('agency names', () => {
  it('says an agency by its profile’s name, and by its id without one or before the profiles load', () => {
    const name = agencyNamer([{ id: 'sh-minhang-psb', name: '上海市公安局闵行分局' }]);
    expect(['sh-minhang-psb', 'gd-x-psb'].map(name)).toEqual(['上海市公安局闵行分局', 'gd-x-psb']);
    expect(agencyNamer(undefined)('sh-psb')).toBe('sh-psb');
  });
});
