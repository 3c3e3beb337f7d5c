import type { AreaCode, FieldIssue } from '@khu-siao/contracts';

/**
 * The official Thai administrative codes of the one province this programme runs in. The district list is written
 * out rather than taken from an address package: `thai-address-database` lists 25 of these 26 (no 4029 Wiang Kao)
 * and some unofficial tambon codes. 4026–4028 do not exist while 4029 does: the codes are not contiguous.
 */
export const khonKaenProvince = { code: '40', name: 'ขอนแก่น' } as const;

export interface District {
  readonly code: string;
  readonly name: string;
}

export const khonKaenDistricts: readonly District[] = [
  { code: '4001', name: 'เมืองขอนแก่น' },
  { code: '4002', name: 'บ้านฝาง' },
  { code: '4003', name: 'พระยืน' },
  { code: '4004', name: 'หนองเรือ' },
  { code: '4005', name: 'ชุมแพ' },
  { code: '4006', name: 'สีชมพู' },
  { code: '4007', name: 'น้ำพอง' },
  { code: '4008', name: 'อุบลรัตน์' },
  { code: '4009', name: 'กระนวน' },
  { code: '4010', name: 'บ้านไผ่' },
  { code: '4011', name: 'เปือยน้อย' },
  { code: '4012', name: 'พล' },
  { code: '4013', name: 'แวงใหญ่' },
  { code: '4014', name: 'แวงน้อย' },
  { code: '4015', name: 'หนองสองห้อง' },
  { code: '4016', name: 'ภูเวียง' },
  { code: '4017', name: 'มัญจาคีรี' },
  { code: '4018', name: 'ชนบท' },
  { code: '4019', name: 'เขาสวนกวาง' },
  { code: '4020', name: 'ภูผาม่าน' },
  { code: '4021', name: 'ซำสูง' },
  { code: '4022', name: 'โคกโพธิ์ไชย' },
  { code: '4023', name: 'หนองนาคำ' },
  { code: '4024', name: 'บ้านแฮด' },
  { code: '4025', name: 'โนนศิลา' },
  { code: '4029', name: 'เวียงเก่า' },
];

/** Moo (หมู่) numbers run from 01; the programme's register takes villages up to moo 30. */
const highestMoo = 30;

const districtCodes = new Set(khonKaenDistricts.map((district) => district.code));

export function isKhonKaenDistrict(code: string): boolean {
  return districtCodes.has(code);
}

/**
 * Each code must extend its parent's: a tambon is its district's code and 2 digits, a village its tambon's code and
 * a 2-digit moo. Tambon lists are not kept here (the official list and the welfare centres differ), so a tambon is
 * checked for its shape within a real district only. `field` is the path of the area in the command.
 */
export function areaIssues(area: AreaCode, field: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (area.provinceCode !== khonKaenProvince.code) {
    issues.push({ field: `${field}.provinceCode`, message: `is not province ${khonKaenProvince.code} (Khon Kaen)` });
  }
  if (!isKhonKaenDistrict(area.districtCode)) {
    issues.push({ field: `${field}.districtCode`, message: `is not a district of province ${khonKaenProvince.code}` });
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
