import type { CentreArea, FieldIssue } from '@khu-siao/contracts';

export const khonKaenProvinceCode = '40';

/**
 * Khon Kaen's 26 official district codes (DOMAIN.md). The households domain keeps the same list with the names, but
 * the `scope:*` lint rule keeps one service's libraries out of another's, so the welfare register holds its own copy
 * until the list moves to a `scope:shared` library. 4026–4028 do not exist while 4029 (Wiang Kao) does.
 */
const khonKaenDistrictCodes: ReadonlySet<string> = new Set([
  '4001', '4002', '4003', '4004', '4005', '4006', '4007', '4008', '4009', '4010', '4011', '4012', '4013',
  '4014', '4015', '4016', '4017', '4018', '4019', '4020', '4021', '4022', '4023', '4024', '4025', '4029',
]);

export function isKhonKaenDistrict(code: unknown): boolean {
  return typeof code === 'string' && khonKaenDistrictCodes.has(code);
}

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
