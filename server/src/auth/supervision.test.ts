import { describe, expect, it } from 'vitest';
import type { AgencyProfile } from '../store/accounts';
import { supervisedBy } from './supervision';

const P = (id: string, province: string, level: AgencyProfile['level']): AgencyProfile => ({ id, name: id, province, level });
const PROFILES = [
  P('sh-psb', '上海市', 'PROVINCE'),
  P('sh-pudong-psb', '上海市', 'CITY'),
  P('sh-minhang-psb', '上海市', 'CITY'),
  P('fj-longyan-psb', '福建省', 'CITY'),
  P('bj-psb', '北京市', 'PROVINCE'),
  P('mps-cid', '北京市', 'MINISTRY'),
  P('odd-psb', '', 'PROVINCE'),
  P('odd-city', '', 'CITY'),
];

describe('supervision', () => {
  it('gives a provincial bureau the city and district bureaus of its province, sorted', () => {
    expect(supervisedBy('sh-psb', PROFILES)).toEqual(['sh-minhang-psb', 'sh-pudong-psb']);
  });
  it('gives city bureaus, the ministry, a province without city bureaus and an unknown agency nobody', () => {
    expect(supervisedBy('sh-pudong-psb', PROFILES)).toEqual([]);
    expect(supervisedBy('mps-cid', PROFILES)).toEqual([]);
    expect(supervisedBy('bj-psb', PROFILES)).toEqual([]);
    expect(supervisedBy('nowhere', PROFILES)).toEqual([]);
  });
  it('does not match agencies of no province with each other', () => {
    expect(supervisedBy('odd-psb', PROFILES)).toEqual([]);
  });
});
