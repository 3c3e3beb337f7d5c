import type { Actor } from '@khu-siao/contracts';
import type { CalendarDate, Process, Refusal } from '@khu-siao/decider';
import type { CaseloadReleaseReason } from '../official/commands';

interface ChangeOf<TKind extends string> {
  readonly kind: TKind;
  /** The process's id; a pairing the change starts is named by it too. */
  readonly changeId: string;
  readonly householdId: string;
  /** The day the change was asked for: every step records it, however late the step is taken. */
  readonly on: CalendarDate;
  readonly requestedBy: Actor;
}

/** What the protocol is asked to do: pair a household, hand it to another official, or end its pairing. */
export type BuddyChange =
  | (ChangeOf<'pair'> & { readonly officialId: string })
  | (ChangeOf<'reassign'> & { readonly officialId: string; readonly reason: string })
  | (ChangeOf<'unpair'> & { readonly reason: string });

/** A place in an official's caseload, named by the pairing that holds it. */
export interface CaseloadPlaceRef {
  readonly officialId: string;
  readonly pairingId: string;
}

export type PairingProtocolStep =
  /** Decides the change on the household's pairings without recording it: a refusal costs no write. */
  | { readonly type: 'checkHousehold' }
  | { readonly type: 'takePlace'; readonly place: CaseloadPlaceRef }
  | { readonly type: 'recordPairing' }
  | { readonly type: 'releasePlace'; readonly place: CaseloadPlaceRef; readonly reason: CaseloadReleaseReason };

export type PairingProtocolOutcome =
  | { readonly type: 'householdAccepts' }
  | { readonly type: 'householdRefuses'; readonly refusal: Refusal }
  | { readonly type: 'placeTaken' }
  | { readonly type: 'placeRefused'; readonly refusal: Refusal }
  /** `ended`: the pairing the change ended (a reassignment's or an unpairing's), whose place is to be released. */
  | { readonly type: 'pairingRecorded'; readonly version: number; readonly ended: CaseloadPlaceRef | null }
  | { readonly type: 'pairingRefused'; readonly refusal: Refusal }
  /** `refusal`: the place could not be released (never held: nothing to give back). */
  | { readonly type: 'placeReleased'; readonly reason: CaseloadReleaseReason; readonly refusal?: Refusal };

export interface PairingProtocolState {
  readonly change: BuddyChange;
  readonly checked: boolean;
  readonly placeTaken: boolean;
  /** The household's pairing stream once the change is recorded on it. */
  readonly recorded: { readonly version: number; readonly ended: CaseloadPlaceRef | null } | null;
  /** Why the change was refused; a place taken for it is then given back. */
  readonly refusal: Refusal | null;
  readonly released: readonly CaseloadReleaseReason[];
}

/**
 * Pairing, reassigning and unpairing span two aggregates — "at most N households per official" lives on the
 * official's stream, "one buddy at a time" on the household's — and the store has no multi-stream transaction. So:
 * decide on the household first (a refusal costs no write); take the new official's caseload place; record the
 * change on the household's pairing stream; if that is refused (another official got there first), give the place
 * back (`pairingNeverRecorded`); once a reassignment or an unpairing is recorded, release the previous official's
 * place. Every outcome is kept before the next step, so a change cut off by a crash is completed or compensated
 * when its service starts again, and the place is taken before the pairing so that no household is ever paired
 * beyond its official's limit.
 */
export const pairingProtocol: Process<BuddyChange, PairingProtocolOutcome, PairingProtocolState, PairingProtocolStep> = {
  name: 'pairing-protocol',
  initialState: (change) => ({ change, checked: false, placeTaken: false, recorded: null, refusal: null, released: [] }),
  evolve,
  next,
};

function evolve(state: PairingProtocolState, outcome: PairingProtocolOutcome): PairingProtocolState {
  switch (outcome.type) {
    case 'householdAccepts':
      return { ...state, checked: true };
    case 'placeTaken':
      return { ...state, placeTaken: true };
    case 'pairingRecorded':
      return { ...state, recorded: { version: outcome.version, ended: outcome.ended } };
    case 'householdRefuses':
    case 'placeRefused':
    case 'pairingRefused':
      return { ...state, refusal: outcome.refusal };
    case 'placeReleased':
      return { ...state, released: [...state.released, outcome.reason] };
  }
}

function next(state: PairingProtocolState): PairingProtocolStep | null {
  const { change } = state;
  if (change.kind !== 'unpair') {
    const place = { officialId: change.officialId, pairingId: change.changeId };
    if (state.refusal) {
      return state.placeTaken && !state.released.includes('pairingNeverRecorded') ? { type: 'releasePlace', place, reason: 'pairingNeverRecorded' } : null;
    }
    if (!state.checked) return { type: 'checkHousehold' };
    if (!state.placeTaken) return { type: 'takePlace', place };
  } else if (state.refusal) {
    return null;
  }
  if (!state.recorded) return { type: 'recordPairing' };
  const { ended } = state.recorded;
  const reason = change.kind === 'unpair' ? 'unpaired' : 'reassigned';
  return ended && !state.released.includes(reason) ? { type: 'releasePlace', place: ended, reason } : null;
}
