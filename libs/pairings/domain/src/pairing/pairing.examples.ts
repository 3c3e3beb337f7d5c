import { specificationFor } from '@khu-siao/decider/testing';
import type { PairingsEventOfType } from '../pairings-events';
import { pairingDecider } from './business-logic';
import type { PairHousehold, ReassignBuddy, UnpairHousehold } from './commands';

export const { given } = specificationFor(pairingDecider);

export const openHousehold = { status: 'active' } as const;

export function pair(officialId = 'official-7', overrides: Partial<Omit<PairHousehold, 'type'>> = {}): PairHousehold {
  return {
    type: 'PairHousehold',
    pairingId: `p-${officialId}`,
    householdId: 'hh-1',
    officialId,
    pairedOn: '2019-10-01',
    household: openHousehold,
    ...overrides,
  };
}

export function paired(officialId = 'official-7', pairedOn = '2019-10-01', replacesPairingId?: string): PairingsEventOfType<'HouseholdPaired'> {
  const data = { pairingId: `p-${officialId}`, householdId: 'hh-1', officialId, pairedOn };
  return { type: 'HouseholdPaired', data: replacesPairingId === undefined ? data : { ...data, replacesPairingId } };
}

export function unpaired(officialId = 'official-7', unpairedOn = '2020-03-01', reason = 'transferred to Bangkok'): PairingsEventOfType<'HouseholdUnpaired'> {
  return { type: 'HouseholdUnpaired', data: { pairingId: `p-${officialId}`, householdId: 'hh-1', officialId, unpairedOn, reason } };
}

export function reassign(officialId = 'official-9', overrides: Partial<Omit<ReassignBuddy, 'type'>> = {}): ReassignBuddy {
  return {
    type: 'ReassignBuddy',
    householdId: 'hh-1',
    pairingId: `p-${officialId}`,
    officialId,
    reassignedOn: '2020-03-01',
    reason: 'transferred to Bangkok',
    household: openHousehold,
    ...overrides,
  };
}

export function unpair(overrides: Partial<Omit<UnpairHousehold, 'type'>> = {}): UnpairHousehold {
  return { type: 'UnpairHousehold', householdId: 'hh-1', unpairedOn: '2020-03-01', reason: 'transferred to Bangkok', ...overrides };
}
