import type { AreaCode, FieldIssue } from '@khu-siao/contracts';
import { isKhonKaenDistrict, khonKaenProvinceCode } from '@khu-siao/thai-areas';

/** Moo (หมู่) numbers run from 01; the programme's register takes villages up to moo 30. */
const highestMoo = 30;

/**
 * The programme runs in one province, Khon Kaen (the official codes are in `@khu-siao/thai-areas`). Each code must
 * extend its parent's: a tambon is its district's code and 2 digits, a village its tambon's code and a 2-digit moo.
 * A tambon is checked for its shape within a real district only (the register follows the local units the welfare
 * centres serve, which differ from the official tambon list). `field` is the path of the area in the command.
 */
export function areaIssues(area: AreaCode, field: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (area.provinceCode !== khonKaenProvinceCode) {
    issues.push({ field: `${field}.provinceCode`, message: `is not province ${khonKaenProvinceCode} (Khon Kaen)` });
  }
  if (!isKhonKaenDistrict(area.districtCode)) {
    issues.push({ field: `${field}.districtCode`, message: `is not a district of province ${khonKaenProvinceCode}` });
  }
  if (!extendsBy(area.tambonCode, area.districtCode, 99)) {
    issues.push({ field: `${field}.tambonCode`, message: 'must be the district code followed by a 2-digit tambon number from 01' });
  }
  if (!extendsBy(area.villageCode, area.tambonCode, highestMoo)) {
    issues.push({
      field: `${field}.villageCode`,
      message: `must be the tambon code followed by a 2-digit moo from 01 to ${highestMoo}`,
    });
  }
  return issues;
}

/** `code` is `parent` followed by a 2-digit number from 01 to `highest`. */
function extendsBy(code: string, parent: string, highest: number): boolean {
  if (code.length !== parent.length + 2 || !code.startsWith(parent)) return false;
  const suffix = code.slice(parent.length);
  return /^\d{2}$/.test(suffix) && Number(suffix) >= 1 && Number(suffix) <= highest;
}
