import { khonKaenDistricts, khonKaenProvinceCode, khonKaenTambons, type KhonKaenTambon } from '@khu-siao/thai-areas';
import { villageCodesOf } from '../khon-kaen/villages';
import { assessmentOf, failedDimensions, lifePlanOf, progressOf, visitsOf } from './case-story';
import { planCentres } from './centres';
import { Dice } from './dice';
import { planMembers, planSizes, type Makeup } from './members';
import { NationalIds } from './national-ids';
import { planOfficial } from './officials';
import type { PlannedBudget, PlannedGrant, PlannedHousehold, PlannedOfficial, PlannedProgramme, PlanTotals, ProvincePlan } from './province-plan';

/** The 2022 kick-off figures of Khon Kaen (docs/domain.md) that the default scenario (scale 1) reproduces exactly. */
export const kickOff2022 = {
  households: 3_569,
  people: 9_090,
  familyGrants: 360,
  familyGrantSatang: 300_000,
  /** 780,000 baht to the 26 district community family development centres, 30,000 each. */
  centreSubsidies: 26,
  centreSubsidySatang: 3_000_000,
} as const;

export const familyGrantProgramme: PlannedProgramme = {
  programmeId: 'family-assistance-grant',
  name: 'เงินช่วยเหลือครอบครัว (Family assistance grant)',
  kind: 'familyAssistanceGrant',
  recipients: ['household'],
  standardAmount: kickOff2022.familyGrantSatang,
};

export const centreSubsidyProgramme: PlannedProgramme = {
  programmeId: 'community-centre-subsidy',
  name: 'เงินอุดหนุนศูนย์พัฒนาครอบครัวในชุมชน (Community family development centre subsidy)',
  kind: 'centreSubsidy',
  recipients: ['centre'],
  standardAmount: kickOff2022.centreSubsidySatang,
};

export interface PlanOptions {
  readonly seed: string;
  /** A fraction of the 2022 province: 1 is the whole of it, 0.01 about 36 households. */
  readonly scale: number;
}

/** A short tag of the seed, in every id and key the plan makes, so two seeds never collide on the same services. */
function seedTag(seed: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i += 1) hash = Math.imul(hash ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(36).padStart(7, '0');
}

const scaled = (figure: number, scale: number) => Math.max(1, Math.round(figure * scale));

export function planProvince({ seed, scale }: PlanOptions): ProvincePlan {
  if (!(scale > 0 && scale <= 1)) throw new RangeError('scale must be more than 0 and at most 1');
  const dice = new Dice(seed);
  const tag = seedTag(seed);
  const ids = new NationalIds(dice);
  const householdCount = scaled(kickOff2022.households, scale);
  const people = Math.max(householdCount, Math.round(kickOff2022.people * scale));
  const sizes = planSizes(dice, householdCount, people);
  const centres = planCentres();

  // Every district first (so all 26 appear whenever there are 26 households or more), then tambons at random.
  const tambonOf = (index: number): KhonKaenTambon => {
    if (index < khonKaenDistricts.length) return dice.pick(khonKaenTambons.filter((tambon) => tambon.districtCode === khonKaenDistricts[index].code));
    return dice.pick(khonKaenTambons);
  };

  const officials: PlannedOfficial[] = [];
  const households: PlannedHousehold[] = sizes.map((size, index) => {
    const key = `demo-${tag}-hh-${String(index + 1).padStart(5, '0')}`;
    const tambon = tambonOf(index);
    const district = khonKaenDistricts.find((candidate) => candidate.code === tambon.districtCode)!;
    if (index % 2 === 0) officials.push(planOfficial(dice, `kk-${tag}-o${String(index / 2 + 1).padStart(4, '0')}`, district, tambon));
    const officialId = officials[officials.length - 1].officialId;
    const makeup = dice.weighted<Makeup>([['working', 58], ['elderly', 32], ['illness', 10]]);
    const members = planMembers(dice, ids, index + 1, size, makeup, district.code);
    const failed = failedDimensions(dice);
    const pinpointedOn = dice.date('2022-01-10', '2022-03-31');
    const first = assessmentOf(dice, key, members, officialId, pinpointedOn, failed, 1);
    const lifePlan = dice.chance(0.85) ? lifePlanOf(dice, key, officialId, failed, dice.date('2022-04-01', '2022-05-31')) : null;
    const graduating = lifePlan !== null && first.expectedClassification === 'developable' && dice.chance(0.15);
    const assessments = graduating ? [first, assessmentOf(dice, key, members, officialId, dice.date('2022-10-01', '2022-11-15'), [], 2)] : [first];
    const graduatedOn = graduating ? dice.date('2022-11-16', '2022-12-28') : null;
    return {
      key,
      registration: {
        source: dice.weighted([['tpmap', 80], ['fieldSurvey', 10], ['exclusionErrorReferral', 6], ['vulnerableReferral', 4]] as const),
        address: {
          area: { provinceCode: khonKaenProvinceCode, districtCode: district.code, tambonCode: tambon.code, villageCode: dice.pick(villageCodesOf(tambon.code)) },
          houseNumber: `${dice.int(1, 250)}${dice.chance(0.2) ? `/${dice.int(1, 9)}` : ''}`,
        },
        members,
      },
      assessments,
      lifePlan,
      progress: lifePlan ? progressOf(dice, lifePlan, graduating) : [],
      graduatedOn,
      officialId,
      visits: visitsOf(dice, officialId, failed, pinpointedOn, lifePlan, graduatedOn),
    };
  });

  const grants = planGrants(dice, tag, households, scale);
  const budgets = budgetsFor(grants, centres);
  return { seed, scale, centres, programmes: [familyGrantProgramme, centreSubsidyProgramme], budgets, officials, households, grants, totals: totalsOf(households, officials, grants, centres) };
}

/** Family grants go to the neediest first (welfare, then vulnerable), paid at the household's tambon centre. */
function planGrants(dice: Dice, tag: string, households: readonly PlannedHousehold[], scale: number): PlannedGrant[] {
  const need = { welfare: 0, vulnerable: 1, developable: 2 } as const;
  const ranked = households
    .map((household) => ({ household, rank: need[household.assessments[0].expectedClassification] * 1_000 + dice.int(0, 999) }))
    .sort((a, b) => a.rank - b.rank);
  const familyGrants = ranked.slice(0, Math.min(households.length, scaled(kickOff2022.familyGrants, scale))).map(({ household }, index): PlannedGrant => {
    const serial = String(index + 1).padStart(4, '0');
    return {
      key: `demo-${tag}-fg-${serial}`,
      programmeId: familyGrantProgramme.programmeId,
      centreId: `tc-${household.registration.address.area.tambonCode}`,
      recipient: { kind: 'household', householdKey: household.key },
      amount: kickOff2022.familyGrantSatang,
      reason: 'ครอบครัวยากจนตามเกณฑ์ TPMAP: เงินช่วยเหลือครอบครัว 3,000 บาท',
      disbursement: { method: 'cashAtCentre', reference: `RC-2565-${tag}-${serial}` },
    };
  });
  const districts = dice.sample(khonKaenDistricts, Math.min(khonKaenDistricts.length, scaled(kickOff2022.centreSubsidies, scale)));
  const subsidies = districts.map((district, index): PlannedGrant => {
    const serial = String(index + 1).padStart(2, '0');
    const payer = khonKaenTambons.find((tambon) => tambon.districtCode === district.code)!;
    return {
      key: `demo-${tag}-cs-${serial}`,
      programmeId: centreSubsidyProgramme.programmeId,
      centreId: `tc-${payer.code}`,
      recipient: { kind: 'centre', centreId: `cc-${district.code}` },
      amount: kickOff2022.centreSubsidySatang,
      reason: `เงินอุดหนุนศูนย์พัฒนาครอบครัวในชุมชนอำเภอ${district.nameTh}`,
      disbursement: { method: 'bankTransfer', reference: `TR-2565-${tag}-${serial}` },
    };
  });
  return [...familyGrants, ...subsidies];
}

/** Each paying centre is funded for exactly what it grants under each programme. */
function budgetsFor(grants: readonly PlannedGrant[], centres: ProvincePlan['centres']): PlannedBudget[] {
  const byBudget = new Map<string, PlannedBudget>();
  for (const grant of grants) {
    const id = `${grant.centreId} ${grant.programmeId}`;
    const centre = centres.find((candidate) => candidate.centreId === grant.centreId)!;
    const current = byBudget.get(id);
    byBudget.set(id, { centreId: grant.centreId, centreKind: centre.kind, programmeId: grant.programmeId, amount: (current?.amount ?? 0) + grant.amount });
  }
  return [...byBudget.values()].sort((a, b) => `${a.centreId} ${a.programmeId}`.localeCompare(`${b.centreId} ${b.programmeId}`));
}

function totalsOf(households: readonly PlannedHousehold[], officials: readonly PlannedOfficial[], grants: readonly PlannedGrant[], centres: ProvincePlan['centres']): PlanTotals {
  const sum = (selected: readonly PlannedGrant[]) => ({ count: selected.length, satang: selected.reduce((total, grant) => total + grant.amount, 0) });
  const byClassification = { developable: 0, welfare: 0, vulnerable: 0 };
  // As the province stands at the end: each household by its last assessment (a re-assessment may move it), as the dashboards show it.
  for (const household of households) byClassification[household.assessments[household.assessments.length - 1].expectedClassification] += 1;
  return {
    households: households.length,
    people: households.reduce((total, household) => total + household.registration.members.length, 0),
    districtsCovered: new Set(households.map((household) => household.registration.address.area.districtCode)).size,
    tambonCentres: centres.filter((centre) => centre.kind === 'tambonCentre').length,
    communityCentres: centres.filter((centre) => centre.kind === 'communityCentre').length,
    officials: officials.length,
    pairings: households.length,
    visits: households.reduce((total, household) => total + household.visits.length, 0),
    lifePlans: households.filter((household) => household.lifePlan !== null).length,
    graduations: households.filter((household) => household.graduatedOn !== null).length,
    byClassification,
    familyGrants: sum(grants.filter((grant) => grant.programmeId === familyGrantProgramme.programmeId)),
    centreSubsidies: sum(grants.filter((grant) => grant.programmeId === centreSubsidyProgramme.programmeId)),
  };
}
