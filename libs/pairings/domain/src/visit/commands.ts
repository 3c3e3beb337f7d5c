import type { CalendarDate } from '@khu-siao/decider';
import type { KnownHousehold } from '../household/household-facts';
import type { VisitDetails } from './visit';

/** A home visit, logged on the day or later: `visitedOn` is when it happened, `today` when it is recorded. */
export interface LogVisit extends VisitDetails {
  readonly type: 'LogVisit';
  readonly visitId: string;
  readonly householdId: string;
  readonly household: KnownHousehold | null;
  readonly today: CalendarDate;
}

/** Restates a logged visit's details in full; the earlier version stays in the stream. */
export interface CorrectVisit {
  readonly type: 'CorrectVisit';
  readonly visitId: string;
  readonly details: VisitDetails;
  readonly reason: string;
  readonly correctedBy: string;
  readonly today: CalendarDate;
}

export type VisitCommand = LogVisit | CorrectVisit;
