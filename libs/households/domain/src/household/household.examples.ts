import { householdEvents } from '@khu-siao/contracts';
import { specificationFor } from '@khu-siao/decider/testing';
import { householdDecider } from './business-logic';
import type { AssessHousehold, DrawUpLifePlan, RegisterHousehold } from './commands';
import type { Address, HouseholdEvent, HouseholdEventOfType, Member } from './household';

/** Worked examples shared by the household specifications. The national IDs are made up; their check digits hold. */
export const { given } = specificationFor(householdDecider);

export const today = '2024-06-01';

export const ids = {
  somchai: '3400100123458',
  malee: '3400100123440',
  nong: '1409900000018',
  yai: '3100500987657',
  newborn: '5701203456781',
} as const;

export const address: Address = {
  area: { provinceCode: '40', districtCode: '4001', tambonCode: '400101', villageCode: '40010103' },
  houseNumber: '12/3',
};

export const elsewhere: Address = {
  area: { provinceCode: '40', districtCode: '4029', tambonCode: '402901', villageCode: '40290107' },
};

export const head: Member = {
  memberId: 'm-1',
  nationalId: ids.somchai,
  firstName: 'Somchai',
  lastName: 'Srisuk',
  birthDate: '1980-05-10',
  sex: 'male',
  relation: 'head',
  disability: false,
  chronicIllness: false,
};

export const spouse: Member = {
  memberId: 'm-2',
  nationalId: ids.malee,
  firstName: 'Malee',
  lastName: 'Srisuk',
  birthDate: '1982-11-02',
  sex: 'female',
  relation: 'spouse',
  disability: false,
  chronicIllness: true,
};

export const child: Member = {
  memberId: 'm-3',
  nationalId: ids.nong,
  firstName: 'Nong',
  lastName: 'Srisuk',
  birthDate: '2012-03-15',
  sex: 'female',
  relation: 'child',
  disability: false,
  chronicIllness: false,
};

export const grandmother: Member = {
  memberId: 'm-4',
  nationalId: ids.yai,
  firstName: 'Yai',
  lastName: 'Srisuk',
  birthDate: '1950-01-20',
  sex: 'female',
  relation: 'parent',
  disability: false,
  chronicIllness: false,
};

export const members: Member[] = [head, spouse, child];

export const register: RegisterHousehold = {
  type: 'RegisterHousehold',
  householdId: 'hh-1',
  source: 'tpmap',
  address,
  members,
  today,
};

/** Its address and members stay typed clear, so that specs may send them back in commands. */
export const registered = {
  type: 'HouseholdRegistered',
  data: { householdId: 'hh-1', source: 'tpmap', address, members },
} as const satisfies HouseholdEventOfType<'HouseholdRegistered'>;

type Dimensions = AssessHousehold['dimensions'];

/** Dimensions failing the named indicators; every other dimension passed. */
export function failing(failures: Partial<Record<keyof Dimensions, string[]>> = {}): Dimensions {
  return {
    health: { indicatorsFailed: failures.health ?? [] },
    livingConditions: { indicatorsFailed: failures.livingConditions ?? [] },
    education: { indicatorsFailed: failures.education ?? [] },
    income: { indicatorsFailed: failures.income ?? [] },
    publicServices: { indicatorsFailed: failures.publicServices ?? [] },
  };
}

export function assess(overrides: Partial<Omit<AssessHousehold, 'type'>> = {}): AssessHousehold {
  return {
    type: 'AssessHousehold',
    assessmentId: 'as-1',
    assessedOn: '2024-06-10',
    assessorId: 'official-7',
    dimensions: failing({ income: ['income below the poverty line'] }),
    incomePerHeadPerYear: 2_500_000,
    ...overrides,
  };
}

/** The event `assess(...)` leads to in the three-member example household, classification given. */
export function assessed(
  data: Partial<HouseholdEventOfType<'HouseholdAssessed'>['data']> = {},
): HouseholdEventOfType<'HouseholdAssessed'> {
  const dimensions = data.dimensions ?? resultsOf(failing({ income: ['income below the poverty line'] }));
  return {
    type: 'HouseholdAssessed',
    data: {
      assessmentId: 'as-1',
      assessedOn: '2024-06-10',
      assessorId: 'official-7',
      peopleCounted: 3,
      dimensions,
      incomePerHeadPerYear: 2_500_000,
      failedDimensions: (Object.keys(dimensions) as (keyof Dimensions)[]).filter((dimension) => dimensions[dimension].failed),
      classification: 'developable',
      ...data,
    },
  };
}

export function resultsOf(dimensions: Dimensions): HouseholdEventOfType<'HouseholdAssessed'>['data']['dimensions'] {
  const result = (key: keyof Dimensions) => ({
    failed: dimensions[key].indicatorsFailed.length > 0,
    indicatorsFailed: [...dimensions[key].indicatorsFailed],
  });
  return {
    health: result('health'),
    livingConditions: result('livingConditions'),
    education: result('education'),
    income: result('income'),
    publicServices: result('publicServices'),
  };
}

export const cleanAssessment = assessed({
  assessmentId: 'as-2',
  assessedOn: '2024-12-01',
  dimensions: resultsOf(failing()),
  failedDimensions: [],
});

export const planGoals: DrawUpLifePlan['goals'] = [
  {
    goalId: 'g-income',
    dimension: 'income',
    description: 'A steady income from mushroom farming',
    actions: [
      {
        actionId: 'a-training',
        description: 'Mushroom farming course',
        responsible: { kind: 'agency', name: 'Khon Kaen Provincial Agricultural Extension Office' },
        dueOn: '2024-08-31',
      },
      {
        actionId: 'a-market',
        description: 'A stall at the community market',
        responsible: { kind: 'partner', name: 'Khon Kaen University', id: 'partner-kku' },
        dueOn: '2024-10-31',
      },
    ],
  },
  {
    goalId: 'g-health',
    dimension: 'health',
    description: 'Diabetes under control',
    actions: [
      {
        actionId: 'a-checkups',
        description: 'Monthly check-ups at the sub-district health hospital',
        responsible: { kind: 'agency', name: 'Ban Tum sub-district health hospital' },
        dueOn: '2024-12-31',
      },
    ],
  },
];

export const drawUp: DrawUpLifePlan = {
  type: 'DrawUpLifePlan',
  planId: 'plan-1',
  drawnUpOn: '2024-06-20',
  goals: planGoals,
  officialId: 'official-7',
};

export const planDrawnUp: HouseholdEventOfType<'LifePlanDrawnUp'> = {
  type: 'LifePlanDrawnUp',
  data: { planId: 'plan-1', drawnUpOn: '2024-06-20', goals: [...planGoals], officialId: 'official-7' },
};

/** An action of plan-1 brought to completion. */
export function completed(actionId: string, recordedOn = '2024-11-01'): HouseholdEventOfType<'LifePlanActionProgressed'> {
  return { type: 'LifePlanActionProgressed', data: { planId: 'plan-1', actionId, percentDone: 100, completed: true, recordedOn } };
}

export const allActionsCompleted = ['a-training', 'a-market', 'a-checkups'].map((actionId) => completed(actionId));

export { fieldsOf, issuesOf } from '@khu-siao/decider/testing';

/**
 * The contract issues of each event: what decide emits must be what the event store lets it append once the service
 * has sealed its personal fields (each stands for a sealed field here).
 */
export function contractIssuesOf(events: readonly HouseholdEvent[]): unknown[] {
  return events.flatMap((event) => {
    const definition = householdEvents.find((candidate) => candidate.type === event.type);
    return definition?.schema.safeParse(sealedStandIn(event.data)).error?.issues ?? [];
  });
}

const personalFields = new Set(['nationalId', 'title', 'firstName', 'lastName', 'birthDate', 'houseNumber']);

function sealedStandIn(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sealedStandIn);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [key, personalFields.has(key) && typeof field === 'string' ? 'pd1.c2VhbGVk' : sealedStandIn(field)]),
  );
}
