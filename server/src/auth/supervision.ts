import type { AgencyProfile } from '../store/accounts';

/**
 * Which agencies an agency supervises: a provincial public security bureau (level PROVINCE, a
 * municipality's bureau included: 上海市公安局) oversees the city and district bureaus of its
 * province, whose cases it counts in its yearly figures. Its users see those bureaus' records
 * without owning them (they may not write, share or revoke for them). The ministry supervises no
 * one by this rule: across provinces, each agency decides what it shares.
 */
export function supervisedBy(agencyId: string, profiles: readonly AgencyProfile[]): string[] {
  const own = profiles.find((p) => p.id === agencyId);
  if (!own || own.level !== 'PROVINCE' || own.province === '') return [];
  return profiles
    .filter((p) => p.level === 'CITY' && p.province === own.province)
    .map((p) => p.id)
    .sort();
}
