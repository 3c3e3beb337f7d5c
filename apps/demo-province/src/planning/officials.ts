import type { agencyKinds } from '@khu-siao/contracts';
import type { KhonKaenDistrict, KhonKaenTambon } from '@khu-siao/thai-areas';
import type { Dice } from './dice';
import type { PlannedOfficial } from './province-plan';
import { femaleFirstNames, maleFirstNames, surnames } from './thai-names';

type AgencyKind = (typeof agencyKinds)[number];

/** Buddy officials come from every agency in the field (docs/domain.md), each kind with its office and a position. */
const agencies: Record<AgencyKind, { readonly weight: number; readonly office: (district: KhonKaenDistrict, tambon: KhonKaenTambon) => string; readonly position: string }> = {
  communityDevelopment: { weight: 20, office: (d) => `สำนักงานพัฒนาชุมชนอำเภอ${d.nameTh}`, position: 'นักวิชาการพัฒนาชุมชน' },
  agriculture: { weight: 12, office: (d) => `สำนักงานเกษตรอำเภอ${d.nameTh}`, position: 'นักวิชาการส่งเสริมการเกษตร' },
  military: { weight: 6, office: () => 'มณฑลทหารบกที่ 23', position: 'นายทหารฝ่ายกิจการพลเรือน' },
  police: { weight: 6, office: (d) => `สถานีตำรวจภูธร${d.nameTh}`, position: 'ผู้บังคับหมู่' },
  health: { weight: 16, office: (_d, t) => `โรงพยาบาลส่งเสริมสุขภาพตำบล${t.nameTh}`, position: 'พยาบาลวิชาชีพ' },
  localGovernment: { weight: 18, office: (_d, t) => `องค์การบริหารส่วนตำบล${t.nameTh}`, position: 'นักพัฒนาชุมชน' },
  teacher: { weight: 14, office: (_d, t) => `โรงเรียนบ้าน${t.nameTh}`, position: 'ครู' },
  other: { weight: 8, office: (d) => `ที่ทำการปกครองอำเภอ${d.nameTh}`, position: 'ปลัดอำเภอ' },
};

export function planOfficial(dice: Dice, officialId: string, district: KhonKaenDistrict, tambon: KhonKaenTambon): PlannedOfficial {
  const kind = dice.weighted(Object.entries(agencies).map(([name, agency]) => [name as AgencyKind, agency.weight] as const));
  const male = dice.chance(0.5);
  return {
    officialId,
    title: male ? 'นาย' : dice.pick(['นาง', 'นางสาว']),
    firstName: dice.pick(male ? maleFirstNames : femaleFirstNames),
    lastName: dice.pick(surnames),
    position: agencies[kind].position,
    agency: { kind, name: agencies[kind].office(district, tambon) },
    homeDistrictCode: district.code,
    contact: { phone: `08${dice.int(0, 99_999_999).toString().padStart(8, '0')}` },
  };
}
