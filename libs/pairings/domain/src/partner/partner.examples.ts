import { specificationFor } from '@khu-siao/decider/testing';
import type { PairingsEventOfType } from '../pairings-events';
import { partnerDecider } from './business-logic';
import type { PledgeSupport, RegisterPartner } from './commands';

export const { given } = specificationFor(partnerDecider);

export const registerPartner: RegisterPartner = {
  type: 'RegisterPartner',
  partnerId: 'partner-kku',
  name: 'Khon Kaen University',
  sector: 'academic',
  mouSignedOn: '2020-11-09',
  today: '2022-01-27',
};

export const partnerRegistered: PairingsEventOfType<'PartnerRegistered'> = {
  type: 'PartnerRegistered',
  data: { partnerId: 'partner-kku', name: 'Khon Kaen University', sector: 'academic', mouSignedOn: '2020-11-09' },
};

export const householdWithPlan = { status: 'active', lifePlan: { planId: 'plan-1', goalIds: ['g-income', 'g-health'] } } as const;

export function pledge(overrides: Partial<Omit<PledgeSupport, 'type'>> = {}): PledgeSupport {
  return {
    type: 'PledgeSupport',
    partnerId: 'partner-kku',
    pledgeId: 'pledge-1',
    householdId: 'hh-1',
    planId: 'plan-1',
    goalId: 'g-income',
    support: { kind: 'marketing', description: 'A stall at the university market every Saturday', value: 120_000 },
    pledgedOn: '2022-01-27',
    household: householdWithPlan,
    ...overrides,
  };
}

export const supportPledged: PairingsEventOfType<'SupportPledged'> = {
  type: 'SupportPledged',
  data: {
    partnerId: 'partner-kku',
    pledgeId: 'pledge-1',
    householdId: 'hh-1',
    planId: 'plan-1',
    goalId: 'g-income',
    support: { kind: 'marketing', description: 'A stall at the university market every Saturday', value: 120_000 },
    pledgedOn: '2022-01-27',
  },
};
