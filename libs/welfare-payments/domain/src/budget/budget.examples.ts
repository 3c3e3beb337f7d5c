import { specificationFor } from '@khu-siao/decider/testing';
import { familyGrant } from '../programme/programme.examples';
import type { WelfareEventOfType } from '../welfare-events';
import { budgetDecider } from './business-logic';
import type { AllocateBudget, ReserveBudget } from './commands';

export const { given } = specificationFor(budgetDecider);

/** Tambon centre of Nai Mueang (400101), family grant budget for FY2565: 150,000 baht, room for 50 grants. */
export const budgetId = 'tc-400101:FY2565:family-grant';

export const allocate: AllocateBudget = {
  type: 'AllocateBudget',
  centreId: 'tc-400101',
  centre: { centreId: 'tc-400101', kind: 'tambonCentre', status: 'open' },
  fiscalYear: 2565,
  programmeId: 'family-grant',
  programme: familyGrant,
  amount: 15_000_000,
  allocatedBy: 'officer-1',
  allocatedAt: '2021-10-01T09:00:00+07:00',
};

export function allocated(amount = 15_000_000): WelfareEventOfType<'BudgetAllocated'> {
  return {
    type: 'BudgetAllocated',
    data: {
      budgetId,
      centreId: 'tc-400101',
      centreKind: 'tambonCentre',
      fiscalYear: 2565,
      programmeId: 'family-grant',
      amount,
      allocatedBy: 'officer-1',
      allocatedAt: '2021-10-01T09:00:00+07:00',
    },
  };
}

export function reserve(grantId: string, amount = 300_000): ReserveBudget {
  return { type: 'ReserveBudget', budgetId, grantId, programmeId: 'family-grant', centreId: 'tc-400101', amount, reservedAt: '2022-01-27T10:00:00+07:00' };
}

export function reserved(grantId: string, amount = 300_000): WelfareEventOfType<'BudgetReserved'> {
  return { type: 'BudgetReserved', data: { budgetId, grantId, amount, reservedAt: '2022-01-27T10:00:00+07:00' } };
}

export function released(grantId: string, amount = 300_000): WelfareEventOfType<'BudgetReservationReleased'> {
  return { type: 'BudgetReservationReleased', data: { budgetId, grantId, amount, reason: 'grantCancelled', releasedAt: '2022-02-01T10:00:00+07:00' } };
}

export const movement = { budgetId, reason: 'mid-year revision', by: 'officer-1', at: '2022-03-01T09:00:00+07:00' } as const;
