import type { Dimension, ProcessStep } from '@khu-siao/contracts';
import type { CalendarDate } from '@khu-siao/decider';
import type { VisitEvent } from '../pairings-events';

/** A GPS point taken on a home visit: where the household lives. */
export interface GeoPoint {
  readonly latitude: number;
  readonly longitude: number;
}

/** What a sealed personal field opens to once its household's data key is destroyed. */
export interface ErasedText {
  readonly erased: true;
}

/** A personal text as the record holds it once opened: in clear, or erased with its household. */
export type RecordedText = string | ErasedText;

export interface HelpGiven<TText = string> {
  readonly kind: 'inKind' | 'advice' | 'service';
  readonly description: TText;
  /** Satang; required for in-kind help, which the reports count in money. */
  readonly value?: number;
}

/**
 * Everything about a visit that a correction may restate: all but which visit it is and whose household. In clear:
 * the domain decides on clear data; the service seals what is personal (needs, help descriptions, referrals,
 * location) in the events it stores (VisitLogged v3, VisitCorrected v2).
 */
export interface VisitDetails<TText = string, TPoint = GeoPoint> {
  readonly officialIds: string[];
  readonly visitedOn: CalendarDate;
  readonly processStep: ProcessStep;
  readonly dimensionsDiscussed: Dimension[];
  readonly needsFound: TText[];
  readonly helpGiven: HelpGiven<TText>[];
  readonly referrals: TText[];
  readonly nextVisitOn?: CalendarDate;
  readonly location?: TPoint;
  readonly photoRef?: string;
}

/**
 * The details as the record holds them once opened: what a command said, or, for a household erased since, each
 * personal field `{ erased: true }` (carried, never decided on).
 */
export type RecordedVisitDetails = VisitDetails<RecordedText, GeoPoint | ErasedText>;

/** A visit's events with their personal fields of one kind: sealed (as stored), or opened (as decided and folded). */
export type VisitEventWith<TText, TPoint> =
  | { readonly type: 'VisitLogged'; readonly data: { visitId: string; householdId: string } & VisitDetails<TText, TPoint> }
  | {
      readonly type: 'VisitCorrected';
      readonly data: {
        visitId: string;
        householdId: string;
        details: VisitDetails<TText, TPoint>;
        reason: string;
        correctedBy: string;
        correctedOn: CalendarDate;
      };
    };

/** The visit events as the domain emits and folds them, opened; the contract carries their personal fields sealed. */
export type ClearVisitEvent = VisitEventWith<RecordedText, GeoPoint | ErasedText>;

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
  readonly details: RecordedVisitDetails;
  /** As first logged: a correction adds to the record, it never erases it. */
  readonly loggedDetails: RecordedVisitDetails;
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
