import { classify, isValidThaiNationalId } from '@khu-siao/households-domain';
import { khonKaenTambons } from '@khu-siao/thai-areas';
import { mooCountOf } from '../khon-kaen/villages';
import { kickOff2022, planProvince } from './plan-province';

const failedOf = (dimensions: Record<string, { indicatorsFailed: readonly string[] }>) =>
  Object.entries(dimensions)
    .filter(([, dimension]) => dimension.indicatorsFailed.length > 0)
    .map(([name]) => name) as Parameters<typeof classify>[0]['failedDimensions'];

describe('the Khon Kaen villages', () => {
  it('give every tambon of the shared area list at least 6 moo', () => {
    for (const tambon of khonKaenTambons) expect(mooCountOf(tambon.code)).toBeGreaterThanOrEqual(6);
  });
});

describe('the scenario planner', () => {
  const plan = planProvince({ seed: 'khon-kaen-2022', scale: 1 });

  it('gives the same plan for the same seed and a different one for another seed', () => {
    expect(planProvince({ seed: 'khon-kaen-2022', scale: 1 })).toEqual(plan);
    const other = planProvince({ seed: 'another', scale: 1 });
    expect(other.households.map((household) => household.registration)).not.toEqual(plan.households.map((household) => household.registration));
  });

  it('reproduces the 2022 kick-off figures by default', () => {
    expect(plan.totals).toMatchObject({
      households: 3_569,
      people: 9_090,
      districtsCovered: 26,
      tambonCentres: 224,
      officials: 1_785,
      pairings: 3_569,
      familyGrants: { count: 360, satang: 1_080_000_00 },
      centreSubsidies: { count: 26, satang: 780_000_00 },
    });
    expect(plan.households.reduce((sum, household) => sum + household.registration.members.length, 0)).toBe(kickOff2022.people);
    const funded = plan.budgets.reduce((sum, budget) => sum + budget.amount, 0);
    expect(funded).toBe(1_080_000_00 + 780_000_00);
  });

  it('makes valid, distinct national IDs and addresses in real tambons and villages', () => {
    const ids = plan.households.flatMap((household) => household.registration.members.map((member) => member.nationalId));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every(isValidThaiNationalId)).toBe(true);
    const tambons = new Map(khonKaenTambons.map((tambon) => [tambon.code, tambon]));
    for (const { registration } of plan.households) {
      const { area } = registration.address;
      expect(tambons.get(area.tambonCode)?.districtCode).toBe(area.districtCode);
      expect(Number(area.villageCode.slice(6))).toBeLessThanOrEqual(mooCountOf(area.tambonCode));
      expect(registration.members[0].relation).toBe('head');
    }
  });

  it('expects the classification the households service derives, at every assessment', () => {
    for (const household of plan.households) {
      for (const assessment of household.assessments) {
        const derived = classify({ members: household.registration.members, failedDimensions: failedOf(assessment.dimensions), assessedOn: assessment.assessedOn });
        expect(assessment.expectedClassification).toBe(derived);
      }
    }
    expect(plan.totals.byClassification.developable).toBeGreaterThan(0);
    expect(plan.totals.byClassification.welfare).toBeGreaterThan(0);
    expect(plan.totals.byClassification.vulnerable).toBeGreaterThan(0);
  });

  it('pairs two households with each official and lets only finished plans graduate', () => {
    const caseloads = new Map<string, number>();
    for (const household of plan.households) caseloads.set(household.officialId, (caseloads.get(household.officialId) ?? 0) + 1);
    expect(Math.max(...caseloads.values())).toBe(2);
    for (const household of plan.households.filter((candidate) => candidate.graduatedOn)) {
      expect(household.progress.every((progress) => progress.completed)).toBe(true);
      expect(household.progress).toHaveLength(household.lifePlan!.goals.flatMap((goal) => goal.actions).length);
      expect(failedOf(household.assessments[household.assessments.length - 1].dimensions)).toEqual([]);
    }
    expect(plan.totals.graduations).toBeGreaterThan(0);
  });

  it('dates every step of a case after the one it rests on', () => {
    for (const household of plan.households) {
      const pinpointedOn = household.assessments[0].assessedOn;
      for (const member of household.registration.members) expect(member.birthDate < pinpointedOn).toBe(true);
      if (household.lifePlan) expect(household.lifePlan.drawnUpOn >= pinpointedOn).toBe(true);
      for (const progress of household.progress) expect(progress.recordedOn >= household.lifePlan!.drawnUpOn).toBe(true);
      if (household.graduatedOn) expect(household.graduatedOn >= household.assessments[household.assessments.length - 1].assessedOn).toBe(true);
      for (const visit of household.visits) expect(visit.visitedOn >= pinpointedOn && visit.visitedOn <= '2022-12-31').toBe(true);
    }
  });

  it('scales down for tests and keeps all 224 tambon centres', () => {
    const small = planProvince({ seed: 'small', scale: 40 / kickOff2022.households });
    expect(small.totals).toMatchObject({ households: 40, districtsCovered: 26, tambonCentres: 224, officials: 20 });
    expect(small.totals.familyGrants.count).toBe(4);
  });
});
