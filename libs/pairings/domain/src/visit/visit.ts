import type { Dimension, ProcessStep } from '@khu-siao/contracts';
import type { CalendarDate } from '@khu-siao/decider';
import type { VisitEvent } from '../pairings-events';

/** A GPS point taken on a home visit: where the household lives. */
export interface GeoPoint {
  readonly latitude: number;
  readonly longitude: number;
}

export interface HelpGiven {
  readonly kind: 'inKind' | 'advice' | 'service';
  readonly description: string;
  /** Satang; required for in-kind help, which the reports count in money. */
  readonly value?: number;
}

/**
 * Everything about a visit that a correction may restate: all but which visit it is and whose household. In clear:
 * the domain decides on clear data; the service seals what is personal (needs, help descriptions, referrals,
 * location) in the events it stores (VisitLogged v3, VisitCorrected v2).
 */
export interface VisitDetails {
  readonly officialIds: string[];
  readonly visitedOn: CalendarDate;
  readonly processStep: ProcessStep;
  readonly dimensionsDiscussed: Dimension[];
  readonly needsFound: string[];
  readonly helpGiven: HelpGiven[];
  readonly referrals: string[];
  readonly nextVisitOn?: CalendarDate;
  readonly location?: GeoPoint;
  readonly photoRef?: string;
}

/** The visit events in clear, as the domain emits and folds them; the contract carries their personal fields sealed. */
export type ClearVisitEvent =
  | { readonly type: 'VisitLogged'; readonly data: { visitId: string; householdId: string } & VisitDetails }
  | {
      readonly type: 'VisitCorrected';
      readonly data: { visitId: string; householdId: string; details: VisitDetails; reason: string; correctedBy: string; correctedOn: CalendarDate };
    };

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
