import type { AreaScope } from '../identity/principal';

/**
 * Where the thing acted on lies: whatever the service knows of it. Codes are official Thai area codes, each
 * starting with its parent's (district 4001 is in province 40); a household also names its buddy officials.
 */
export interface ResourceArea {
  readonly provinceCode?: string;
  readonly districtCode?: string;
  readonly tambonCode?: string;
  readonly villageCode?: string;
  readonly centreId?: string;
  readonly buddyOfficialIds?: readonly string[];
}

/**
 * True when the resource lies inside the scope. An area code scope needs a resource code at least as precise as
 * itself, and every code the resource carries must agree with it, so a resource of unknown or contradictory area is
 * never covered.
 */
export function scopeCovers(scope: AreaScope, resource: ResourceArea): boolean {
  switch (scope.level) {
    case 'nation':
      return true;
    case 'province':
      return codesWithin(scope.provinceCode, resource);
    case 'district':
      return codesWithin(scope.districtCode, resource);
    case 'tambon':
      return codesWithin(scope.tambonCode, resource);
    case 'centre':
      return resource.centreId !== undefined && resource.centreId === scope.centreId;
    case 'own-households':
      return resource.buddyOfficialIds?.includes(scope.officialId) ?? false;
    default: {
      const unknown: never = scope;
      return unknown;
    }
  }
}

function codesWithin(scopeCode: string, resource: ResourceArea): boolean {
  const codes = [resource.provinceCode, resource.districtCode, resource.tambonCode, resource.villageCode].filter(
    (code): code is string => code !== undefined,
  );
  const preciseEnough = codes.some((code) => code.length >= scopeCode.length);
  const agree = codes.every((code) => (code.length >= scopeCode.length ? code.startsWith(scopeCode) : scopeCode.startsWith(code)));
  return preciseEnough && agree;
}
