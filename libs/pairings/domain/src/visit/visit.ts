import type { DataOf, VisitCorrected } from '@khu-siao/contracts';
import type { VisitEvent } from '../pairings-events';

/** Everything about a visit that a correction may restate: all but which visit it is and whose household. */
export type VisitDetails = DataOf<typeof VisitCorrected>['details'];
export type HelpGiven = VisitDetails['helpGiven'][number];
export type GeoPoint = NonNullable<VisitDetails['location']>;

export interface Correction {
  readonly reason: string;
  readonly correctedBy: string;
  readonly correctedOn: string;
}

export interface Visit {
  readonly status: 'logged';
  readonly visitId: string;
  readonly householdId: string;
  /** As they stand after the latest correction. */
  readonly details: VisitDetails;
  /** As first logged: a correction adds to the record, it never erases it. */
  readonly loggedDetails: VisitDetails;
  readonly corrections: readonly Correction[];
}

export type VisitState = { readonly status: 'notLogged' } | Visit;

export const initialVisitState = (): VisitState => ({ status: 'notLogged' });

export function evolveVisit(state: VisitState, event: VisitEvent): VisitState {
  switch (event.type) {
    case 'VisitLogged': {
      const { visitId, householdId, ...details } = event.data;
      return { status: 'logged', visitId, householdId, details, loggedDetails: details, corrections: [] };
    }
    case 'VisitCorrected': {
      if (state.status === 'notLogged') return state;
      const { details, reason, correctedBy, correctedOn } = event.data;
      return { ...state, details, corrections: [...state.corrections, { reason, correctedBy, correctedOn }] };
    }
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
