import type { DataOf, OfficialEnrolled } from '@khu-siao/contracts';
import type { CalendarDate } from '@khu-siao/decider';
import type { OfficialEvent } from '../pairings-events';

type Enrolment = DataOf<typeof OfficialEnrolled>;
export type AgencyKind = Enrolment['agency']['kind'];
export type Agency = Enrolment['agency'];
export type OfficialContact = Enrolment['contact'];

/** The province's caseload limit when it has not set its own: each buddy official answers for 2 households. */
export const defaultCaseloadLimit = 2;

/** A household the official currently answers for, under the pairing that placed it there. */
export interface CaseloadPlace {
  readonly pairingId: string;
  readonly householdId: string;
  readonly takenOn: CalendarDate;
}

export interface Official {
  readonly status: 'enrolled';
  readonly officialId: string;
  readonly enrolment: Enrolment;
  readonly caseload: readonly CaseloadPlace[];
  /** Every pairing that ever held a place, so a retried take-on or release is recognised and not done twice. */
  readonly pairingIds: readonly string[];
}

export type OfficialState = { readonly status: 'notEnrolled' } | Official;

export const initialOfficialState = (): OfficialState => ({ status: 'notEnrolled' });

export function evolveOfficial(state: OfficialState, event: OfficialEvent): OfficialState {
  if (event.type === 'OfficialEnrolled') {
    return { status: 'enrolled', officialId: event.data.officialId, enrolment: event.data, caseload: [], pairingIds: [] };
  }
  // Only an enrolment starts an official's stream.
  if (state.status === 'notEnrolled') return state;
  switch (event.type) {
    case 'CaseloadPlaceTaken': {
      const { pairingId, householdId, takenOn } = event.data;
      return { ...state, caseload: [...state.caseload, { pairingId, householdId, takenOn }], pairingIds: [...state.pairingIds, pairingId] };
    }
    case 'CaseloadPlaceReleased':
      return { ...state, caseload: state.caseload.filter((place) => place.pairingId !== event.data.pairingId) };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
