import { specificationFor } from '@khu-siao/decider/testing';
import type { PairingsEventOfType } from '../pairings-events';
import { visitDecider } from './business-logic';
import type { CorrectVisit, LogVisit } from './commands';
import type { VisitDetails } from './visit';

export const { given } = specificationFor(visitDecider);

export const today = '2022-01-27';

/** The Krabi visit: a survival bag first, then referrals to the agencies concerned. */
export const details: VisitDetails = {
  officialIds: ['official-7', 'official-9'],
  visitedOn: '2022-01-20',
  processStep: 'manage',
  dimensionsDiscussed: ['income', 'livingConditions'],
  needsFound: ['roof leaks', 'no steady income'],
  helpGiven: [
    { kind: 'inKind', description: 'survival bag', value: 50_000 },
    { kind: 'advice', description: 'how to apply for the state welfare card' },
  ],
  referrals: ['Krabi Provincial Social Development and Human Security Office', 'Sai Thai Subdistrict Administrative Organisation'],
  nextVisitOn: '2022-02-20',
  location: { latitude: 8.0863, longitude: 98.9063 },
  photoRef: 'photos/visit-1/front-of-house.jpg',
};

export const logVisit: LogVisit = {
  type: 'LogVisit',
  visitId: 'visit-1',
  householdId: 'hh-1',
  household: { status: 'active' },
  today,
  ...details,
};

export const visitLogged: PairingsEventOfType<'VisitLogged'> = { type: 'VisitLogged', data: { visitId: 'visit-1', householdId: 'hh-1', ...details } };

export function correct(corrected: Partial<VisitDetails>, overrides: Partial<Omit<CorrectVisit, 'type' | 'details'>> = {}): CorrectVisit {
  return {
    type: 'CorrectVisit',
    visitId: 'visit-1',
    details: { ...details, ...corrected },
    reason: 'the survival bag was worth 450 baht',
    correctedBy: 'official-7',
    today: '2022-01-28',
    ...overrides,
  };
}

export function corrected(
  changes: Partial<VisitDetails>,
  reason = 'the survival bag was worth 450 baht',
  correctedOn = '2022-01-28',
): PairingsEventOfType<'VisitCorrected'> {
  return {
    type: 'VisitCorrected',
    data: { visitId: 'visit-1', householdId: 'hh-1', details: { ...details, ...changes }, reason, correctedBy: 'official-7', correctedOn },
  };
}
