import { khonKaenDistricts, khonKaenProvinceCode, khonKaenTambons } from '@khu-siao/thai-areas';
import { Dice } from './dice';
import type { PlannedCentre } from './province-plan';

/** 224 tambon social-assistance centres on 199 tambons (docs/domain.md): one per tambon, and a second in 25 of them. */
export const tambonCentreCount = 224;

/**
 * The province's centres, the same for every seed (they are its structure, not its story): a tambon centre in every
 * tambon, a second one (a municipality's) in 25 tambons drawn once from a fixed seed, and a community family
 * development centre in each district's first tambon.
 */
export function planCentres(): PlannedCentre[] {
  const dice = new Dice('khon-kaen-centres');
  const area = (tambonCode: string, districtCode: string) => ({ provinceCode: khonKaenProvinceCode, districtCode, tambonCode });
  const withSecond = new Set(dice.sample(khonKaenTambons, tambonCentreCount - khonKaenTambons.length).map((tambon) => tambon.code));
  const tambonCentres = khonKaenTambons.flatMap((tambon): PlannedCentre[] => [
    { centreId: `tc-${tambon.code}`, name: `ศูนย์ช่วยเหลือสังคมตำบล${tambon.nameTh}`, kind: 'tambonCentre', area: area(tambon.code, tambon.districtCode) },
    ...(withSecond.has(tambon.code)
      ? [{ centreId: `tc-${tambon.code}-m`, name: `ศูนย์ช่วยเหลือสังคมเทศบาลตำบล${tambon.nameTh}`, kind: 'tambonCentre' as const, area: area(tambon.code, tambon.districtCode) }]
      : []),
  ]);
  const communityCentres = khonKaenDistricts.map((district): PlannedCentre => {
    const first = khonKaenTambons.find((tambon) => tambon.districtCode === district.code);
    if (!first) throw new Error(`district ${district.code} has no tambon`);
    return { centreId: `cc-${district.code}`, name: `ศูนย์พัฒนาครอบครัวในชุมชนอำเภอ${district.nameTh}`, kind: 'communityCentre', area: area(first.code, district.code) };
  });
  return [...tambonCentres, ...communityCentres];
}
