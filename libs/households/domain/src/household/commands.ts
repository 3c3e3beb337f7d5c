import type { Dimension } from '@khu-siao/contracts';
import type { CalendarDate } from '@khu-siao/decider';
import type { Classification } from '../classification/classification';
import type { Address, CaseClosingReason, ErasureBasis, HouseholdSource, LifePlanGoal, Member } from './household';

export interface RegisterHousehold {
  readonly type: 'RegisterHousehold';
  readonly householdId: string;
  readonly source: HouseholdSource;
  readonly address: Address;
  readonly members: readonly Member[];
  /** The date the command is handled: nobody in the household can be born after it. */
  readonly today: CalendarDate;
}

export interface UpdateMembers {
  readonly type: 'UpdateMembers';
  /** The whole list after the edit. */
  readonly members: readonly Member[];
  readonly reason?: string;
  readonly today: CalendarDate;
}

export interface MoveHousehold {
  readonly type: 'MoveHousehold';
  readonly to: Address;
  readonly movedOn: CalendarDate;
}

export interface AssessHousehold {
  readonly type: 'AssessHousehold';
  readonly assessmentId: string;
  readonly assessedOn: CalendarDate;
  readonly assessorId: string;
  /** The TPMAP indicators the household fails in each dimension; none failed means the dimension is passed. */
  readonly dimensions: Readonly<Record<Dimension, { readonly indicatorsFailed: readonly string[] }>>;
  /** Whole satang. */
  readonly incomePerHeadPerYear: number;
}

export interface OverrideClassification {
  readonly type: 'OverrideClassification';
  readonly to: Classification;
  readonly reason: string;
  readonly officialId: string;
}

export interface DrawUpLifePlan {
  readonly type: 'DrawUpLifePlan';
  readonly planId: string;
  readonly drawnUpOn: CalendarDate;
  readonly goals: readonly LifePlanGoal[];
  readonly officialId: string;
}

export interface RecordActionProgress {
  readonly type: 'RecordActionProgress';
  readonly actionId: string;
  readonly percentDone: number;
  readonly completed: boolean;
  readonly note?: string;
  readonly recordedOn: CalendarDate;
}

export interface GraduateHousehold {
  readonly type: 'GraduateHousehold';
  readonly graduatedOn: CalendarDate;
}

export interface CloseCase {
  readonly type: 'CloseCase';
  readonly closedOn: CalendarDate;
  readonly reason: CaseClosingReason;
  readonly note?: string;
}

/** Erase the household's personal data (PDPA): allowed whatever the case's status, once. */
export interface EraseHousehold {
  readonly type: 'EraseHousehold';
  readonly erasedOn: CalendarDate;
  readonly basis: ErasureBasis;
  /** The request's reference in the data protection officer's register. */
  readonly requestRef: string;
}

/** What can be asked of a household. Time arrives in each command: the domain has no clock. */
export type HouseholdCommand =
  | RegisterHousehold
  | UpdateMembers
  | MoveHousehold
  | AssessHousehold
  | OverrideClassification
  | DrawUpLifePlan
  | RecordActionProgress
  | GraduateHousehold
  | CloseCase
  | EraseHousehold;
