import type { CentreArea, FieldIssue } from '@khu-siao/contracts';
import { isKhonKaenDistrict, khonKaenProvinceCode } from '@khu-siao/thai-areas';

/**
 * Where a centre may be: province 40, one of its 26 districts, and a tambon that is its district's code followed by
 * a 2-digit number from 01. Tambon lists are not kept (the centres follow local government units, not the official
 * tambon list), so a tambon is checked for its place in a real district only. `field` is the area's path.
 */
export function centreAreaIssues(area: CentreArea | undefined, field: string): FieldIssue[] {
  if (typeof area !== 'object' || area === null) return [{ field, message: 'is required' }];
  const issues: FieldIssue[] = [];
  if (area.provinceCode !== khonKaenProvinceCode) {
    issues.push({ field: `${field}.provinceCode`, message: `is not province ${khonKaenProvinceCode} (Khon Kaen)` });
  }
  if (!isKhonKaenDistrict(area.districtCode)) {
    issues.push({ field: `${field}.districtCode`, message: `is not a district of province ${khonKaenProvinceCode}` });
  }
  if (!isTambonOf(area.tambonCode, area.districtCode)) {
    issues.push({ field: `${field}.tambonCode`, message: 'must be the district code followed by a 2-digit tambon number from 01' });
  }
  return issues;
}

function isTambonOf(tambonCode: unknown, districtCode: unknown): boolean {
  if (typeof tambonCode !== 'string' || typeof districtCode !== 'string') return false;
  const suffix = tambonCode.slice(districtCode.length);
  return tambonCode.startsWith(districtCode) && /^\d{2}$/.test(suffix) && suffix !== '00';
}
