import type { AreaCode } from '@khu-siao/contracts';

/** Where an entity's figures go when its area is not known yet (a grant seen before its household's registration). */
export const unplaced = 'unplaced';

/** The area codes an entity counts in, from the province down to its own level. */
export type AreaPath = readonly string[];

export function areaPathOf(area: Partial<AreaCode> | undefined): AreaPath {
  if (!area?.provinceCode) return [unplaced];
  return [area.provinceCode, area.districtCode, area.tambonCode, area.villageCode].filter(
    (code): code is string => code !== undefined,
  );
}

export const rollupIds = {
  area: (code: string) => `area:${code}`,
  trend: (code: string, month: string) => `trend:${code}:${month}`,
  official: (officialId: string) => `official:${officialId}`,
};

export type RollupKind = 'area' | 'trend' | 'official';

/** The parts of a roll-up document's id, stored beside its counters so it can be queried by them. */
export function describeRollup(id: string): { kind: RollupKind; area?: string; month?: string; officialId?: string } {
  const [kind, ...rest] = id.split(':');
  switch (kind) {
    case 'area':
      return { kind, area: rest.join(':') };
    case 'trend':
      return { kind, area: rest[0], month: rest[1] };
    case 'official':
      return { kind, officialId: rest.join(':') };
    default:
      throw new Error(`not a roll-up document id: ${id}`);
  }
}
