import type { CalendarDate } from '@khu-siao/decider';
import type { PairingEvent } from '../pairings-events';

/** A household's buddy official under one pairing. */
export interface Pairing {
  readonly pairingId: string;
  readonly officialId: string;
  readonly pairedOn: CalendarDate;
  readonly replacesPairingId?: string;
}

export interface EndedPairing extends Pairing {
  readonly unpairedOn: CalendarDate;
  readonly reason: string;
}

/**
 * The pairing aggregate: one stream per household (aggregate id = household id), so that "one buddy at a time" is
 * decided on a single stream. Past pairings stay in it, oldest first: a reassignment keeps the whole history.
 */
export interface HouseholdPairings {
  readonly householdId: string | null;
  readonly current: Pairing | null;
  readonly past: readonly EndedPairing[];
}

export const initialPairingState = (): HouseholdPairings => ({ householdId: null, current: null, past: [] });

export function evolvePairing(state: HouseholdPairings, event: PairingEvent): HouseholdPairings {
  switch (event.type) {
    case 'HouseholdPaired': {
      const { pairingId, householdId, officialId, pairedOn, replacesPairingId } = event.data;
      const current: Pairing = { pairingId, officialId, pairedOn, ...(replacesPairingId === undefined ? {} : { replacesPairingId }) };
      return { ...state, householdId, current };
    }
    case 'HouseholdUnpaired': {
      const { current } = state;
      if (!current || current.pairingId !== event.data.pairingId) return state;
      const { unpairedOn, reason } = event.data;
      return { ...state, current: null, past: [...state.past, { ...current, unpairedOn, reason }] };
    }
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

/** Every pairing the household has had, oldest first, the current one last. */
export function pairingHistory(state: HouseholdPairings): readonly (Pairing | EndedPairing)[] {
  return state.current ? [...state.past, state.current] : state.past;
}
