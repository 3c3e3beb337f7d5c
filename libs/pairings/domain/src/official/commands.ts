import type { CalendarDate } from '@khu-siao/decider';
import type { Agency, OfficialContact } from './official';

export interface EnrolOfficial {
  readonly type: 'EnrolOfficial';
  readonly officialId: string;
  readonly title?: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly position: string;
  readonly agency: Agency;
  /** The 4-digit code of the district the official lives or works in. */
  readonly homeDistrictCode: string;
  readonly contact: OfficialContact;
  /** The date the command is handled. */
  readonly enrolledOn: CalendarDate;
}

/**
 * Reserves a place in the official's caseload for a pairing about to be recorded on the household's stream. The
 * limit is the province's setting, read from configuration by the application; `defaultCaseloadLimit` when unset.
 */
export interface TakeOnHousehold {
  readonly type: 'TakeOnHousehold';
  readonly officialId: string;
  readonly pairingId: string;
  readonly householdId: string;
  readonly takenOn: CalendarDate;
  readonly caseloadLimit?: number;
}

export type CaseloadReleaseReason = 'unpaired' | 'reassigned' | 'pairingNeverRecorded';

/** Frees the place a pairing held: the pairing ended, or it was never recorded (it lost a race, or its writer died). */
export interface ReleaseHousehold {
  readonly type: 'ReleaseHousehold';
  readonly officialId: string;
  readonly pairingId: string;
  readonly releasedOn: CalendarDate;
  readonly reason: CaseloadReleaseReason;
}

export type OfficialCommand = EnrolOfficial | TakeOnHousehold | ReleaseHousehold;
