/** Bodies the services' public HTTP APIs accept, for specs and benches that drive them as a client would. */

/** A valid Thai national ID from a serial number: 12 digits and the check digit of the national register. */
export function nationalId(serial: number): string {
  const first12 = `3${String(serial).padStart(11, '0')}`;
  const sum = [...first12].reduce((total, digit, index) => total + Number(digit) * (13 - index), 0);
  return `${first12}${(11 - (sum % 11)) % 10}`;
}

export const dimensionNames = ['health', 'livingConditions', 'education', 'income', 'publicServices'] as const;

export function areaOf(villageCode: string) {
  return {
    provinceCode: villageCode.slice(0, 2),
    districtCode: villageCode.slice(0, 4),
    tambonCode: villageCode.slice(0, 6),
    villageCode,
  };
}

export function registration(serial: number, villageCode: string, people: number) {
  return {
    source: 'tpmap',
    address: { area: areaOf(villageCode), houseNumber: String(serial) },
    members: Array.from({ length: people }, (_, index) => ({
      memberId: `m-${serial}-${index}`,
      nationalId: nationalId(serial * 10 + index),
      firstName: index === 0 ? 'สมชาย' : 'สมศรี',
      lastName: 'ใจดี',
      birthDate: `${1960 + index * 12}-05-01`,
      sex: index === 0 ? 'male' : 'female',
      relation: index === 0 ? 'head' : 'child',
      disability: false,
      chronicIllness: false,
    })),
  };
}

export function assessment(assessmentId: string, assessedOn: string, failing: readonly string[]) {
  return {
    assessmentId,
    assessedOn,
    assessorId: 'official-assessor',
    incomePerHeadPerYear: failing.includes('income') ? 2_500_000 : 6_000_000,
    dimensions: Object.fromEntries(
      dimensionNames.map((name) => [name, { indicatorsFailed: failing.includes(name) ? [`${name} below the line`] : [] }]),
    ),
  };
}

export function lifePlan(planId: string, drawnUpOn: string) {
  return {
    planId,
    drawnUpOn,
    officialId: 'official-planner',
    goals: [
      {
        goalId: 'goal-1',
        dimension: 'income',
        description: 'income above the line',
        actions: [{ actionId: 'act-1', description: 'vegetable garden', responsible: { kind: 'agency', name: 'เกษตรอำเภอ' }, dueOn: '2027-06-30' }],
      },
    ],
  };
}

export function official(officialId: string, homeDistrictCode: string) {
  return {
    officialId,
    firstName: 'วนิดา',
    lastName: 'พรหมมา',
    position: 'นักวิชาการพัฒนาชุมชน',
    agency: { kind: 'communityDevelopment', name: 'สำนักงานพัฒนาชุมชนอำเภอ' },
    homeDistrictCode,
    contact: { phone: '0812345678' },
  };
}

export function visit(householdId: string, officialId: string, visitedOn: string, inKindValue: number) {
  return {
    householdId,
    officialIds: [officialId],
    visitedOn,
    processStep: 'care',
    dimensionsDiscussed: ['income'],
    needsFound: [],
    helpGiven: inKindValue > 0 ? [{ kind: 'inKind', description: 'ถุงยังชีพ', value: inKindValue }] : [],
    referrals: [],
  };
}
