import type { CalendarDate } from '@khu-siao/decider';
import type { KnownHousehold } from '../household/household-facts';

export interface PairHousehold {
  readonly type: 'PairHousehold';
  /** Chosen by the application and used on both streams: the official's caseload place and the household's pairing. */
  readonly pairingId: string;
  readonly householdId: string;
  readonly officialId: string;
  /** The date the command is handled. */
  readonly pairedOn: CalendarDate;
  readonly household: KnownHousehold | null;
}

/** Ends the current pairing and starts one with another official, in one append to the household's stream. */
export interface ReassignBuddy {
  readonly type: 'ReassignBuddy';
  readonly householdId: string;
  /** The new pairing's id. */
  readonly pairingId: string;
  readonly officialId: string;
  readonly reassignedOn: CalendarDate;
  readonly reason: string;
  readonly household: KnownHousehold | null;
}

/** Ends the current pairing. A household whose case is finished may (and should) be unpaired, so its status is not asked. */
export interface UnpairHousehold {
  readonly type: 'UnpairHousehold';
  readonly householdId: string;
  readonly unpairedOn: CalendarDate;
  readonly reason: string;
}

export type PairingCommand = PairHousehold | ReassignBuddy | UnpairHousehold;
