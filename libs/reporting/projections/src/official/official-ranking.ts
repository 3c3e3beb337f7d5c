import type { Counters } from '../rollup/counters';
import type { OfficialProfile } from './official-profile';

export interface RankedOfficial {
  readonly rank: number;
  readonly officialId: string;
  readonly profile?: OfficialProfile;
  readonly caseload: number;
  /** Households now failing fewer dimensions than when the pairing began. */
  readonly improved: number;
  readonly failedDimensionsReduced: number;
  readonly graduatedInYear: number;
  readonly visitsInYear: number;
  readonly visits: number;
}

/**
 * The officials of a year in the order that helps pick the outstanding ones: households graduated that year, then
 * households improved, dimensions reduced, and visits that year. The figures are shown so the committee can judge.
 */
export function rankOfficials(
  stats: readonly { readonly officialId: string; readonly counters: Counters }[],
  profiles: ReadonlyMap<string, OfficialProfile>,
  year: string,
): RankedOfficial[] {
  const rows = stats.map(({ officialId, counters }) => ({
    officialId,
    profile: profiles.get(officialId),
    caseload: counters['caseload'] ?? 0,
    improved: counters['improved'] ?? 0,
    failedDimensionsReduced: counters['failedReduced'] ?? 0,
    graduatedInYear: counters[`graduated:${year}`] ?? 0,
    visitsInYear: counters[`visits:${year}`] ?? 0,
    visits: counters['visits'] ?? 0,
  }));
  rows.sort(
    (a, b) =>
      b.graduatedInYear - a.graduatedInYear ||
      b.improved - a.improved ||
      b.failedDimensionsReduced - a.failedDimensionsReduced ||
      b.visitsInYear - a.visitsInYear ||
      (a.officialId < b.officialId ? -1 : a.officialId > b.officialId ? 1 : 0),
  );
  return rows.map((row, index) => ({ rank: index + 1, ...row }));
}
