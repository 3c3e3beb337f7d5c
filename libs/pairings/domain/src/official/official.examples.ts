import { specificationFor } from '@khu-siao/decider/testing';
import type { PairingsEventOfType } from '../pairings-events';
import { officialDecider } from './business-logic';
import type { EnrolOfficial, TakeOnHousehold } from './commands';

export const { given } = specificationFor(officialDecider);

export const enrol: EnrolOfficial = {
  type: 'EnrolOfficial',
  officialId: 'official-7',
  title: 'Mrs',
  firstName: 'Wanida',
  lastName: 'Phromma',
  position: 'Community Development Officer, Professional Level',
  agency: { kind: 'communityDevelopment', name: 'Ban Fang District Community Development Office' },
  homeDistrictCode: '4002',
  contact: { phone: '0812345678', email: 'wanida@example.go.th' },
  enrolledOn: '2019-09-27',
};

export const enrolled: PairingsEventOfType<'OfficialEnrolled'> = {
  type: 'OfficialEnrolled',
  data: {
    officialId: 'official-7',
    title: 'Mrs',
    firstName: 'Wanida',
    lastName: 'Phromma',
    position: 'Community Development Officer, Professional Level',
    agency: { kind: 'communityDevelopment', name: 'Ban Fang District Community Development Office' },
    homeDistrictCode: '4002',
    contact: { phone: '0812345678', email: 'wanida@example.go.th' },
    enrolledOn: '2019-09-27',
  },
};

export function takeOn(householdId: string, overrides: Partial<Omit<TakeOnHousehold, 'type'>> = {}): TakeOnHousehold {
  return { type: 'TakeOnHousehold', officialId: 'official-7', pairingId: `p-${householdId}`, householdId, takenOn: '2019-10-01', ...overrides };
}

export function placeTaken(householdId: string, caseloadLimit = 2, takenOn = '2019-10-01'): PairingsEventOfType<'CaseloadPlaceTaken'> {
  return { type: 'CaseloadPlaceTaken', data: { officialId: 'official-7', pairingId: `p-${householdId}`, householdId, takenOn, caseloadLimit } };
}

export function placeReleased(
  householdId: string,
  reason: PairingsEventOfType<'CaseloadPlaceReleased'>['data']['reason'] = 'unpaired',
  releasedOn = '2020-03-01',
): PairingsEventOfType<'CaseloadPlaceReleased'> {
  return { type: 'CaseloadPlaceReleased', data: { officialId: 'official-7', pairingId: `p-${householdId}`, householdId, releasedOn, reason } };
}
