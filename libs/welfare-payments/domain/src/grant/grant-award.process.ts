import type { Actor } from '@khu-siao/contracts';
import type { Process, Refusal } from '@khu-siao/decider';
import type { ReleaseReservation, ReserveBudget } from '../budget/commands';
import type { Instant } from '../fiscal-year/thai-time';
import type { Satang } from '../money/satang';
import { grantBudgetId, grantDecider } from './business-logic';
import type { GrantAssistance } from './commands';
import type { GrantState } from './grant';

/** What an award needs to run to its end, even when taken up after a crash: the approval, its amount and who gave it. */
export interface GrantAwardInput {
  readonly grant: GrantAssistance;
  readonly budgetId: string;
  readonly amount: Satang;
  readonly approvedBy: Actor;
}

export type GrantAwardStep =
  | { readonly type: 'reserve'; readonly command: ReserveBudget }
  | { readonly type: 'record'; readonly command: GrantAssistance }
  | { readonly type: 'release'; readonly command: ReleaseReservation };

export type GrantAwardOutcome =
  | { readonly type: 'reserved' }
  | { readonly type: 'reservationRefused'; readonly refusal: Refusal }
  | { readonly type: 'recorded'; readonly version: number }
  | { readonly type: 'grantRefused'; readonly refusal: Refusal; readonly at: Instant }
  | { readonly type: 'released' };

export interface GrantAwardState {
  readonly input: GrantAwardInput;
  readonly reservation: 'toMake' | 'held' | 'refused' | 'released';
  readonly grant: { readonly status: 'toRecord' } | { readonly status: 'recorded'; readonly version: number } | { readonly status: 'refused'; readonly at: Instant };
  /** Why the award was refused: by the budget, or by the grant once its reservation was made. */
  readonly refusal: Refusal | null;
}

/**
 * The award of a grant over two aggregates: reserve its amount on the centre's budget (the one rule that must hold
 * across grants: never below zero), then record the grant; a grant refused once its amount is held gives the
 * reservation back, so no budget stays held by a grant that does not exist.
 */
export const grantAward: Process<GrantAwardInput, GrantAwardOutcome, GrantAwardState, GrantAwardStep> = {
  name: 'grant-award',
  initialState: (input) => ({ input, reservation: 'toMake', grant: { status: 'toRecord' }, refusal: null }),
  evolve: (state, outcome) => {
    switch (outcome.type) {
      case 'reserved':
        return { ...state, reservation: 'held' };
      case 'reservationRefused':
        return { ...state, reservation: 'refused', refusal: outcome.refusal };
      case 'recorded':
        return { ...state, grant: { status: 'recorded', version: outcome.version } };
      case 'grantRefused':
        return { ...state, grant: { status: 'refused', at: outcome.at }, refusal: outcome.refusal };
      case 'released':
        return { ...state, reservation: 'released' };
    }
  },
  next: ({ input, reservation, grant }) => {
    const { grantId, programmeId, centreId, grantedAt } = input.grant;
    if (reservation === 'toMake') {
      return { type: 'reserve', command: { type: 'ReserveBudget', budgetId: input.budgetId, grantId, programmeId, centreId, amount: input.amount, reservedAt: grantedAt } };
    }
    if (reservation !== 'held') return null;
    if (grant.status === 'toRecord') return { type: 'record', command: input.grant };
    if (grant.status === 'refused') {
      return { type: 'release', command: { type: 'ReleaseReservation', budgetId: input.budgetId, grantId, reason: 'grantNeverRecorded', releasedAt: grant.at } };
    }
    return null;
  },
};

/**
 * The award an approval asks for, decided first on the empty grant — so that a bad amount, an unknown programme or
 * recipient, an erased household is refused (thrown) before any budget is touched. A grant already recorded is not
 * decided again: the award that recorded it answers a retry (its record step refuses other terms).
 */
export function grantAwardOf(command: GrantAssistance, current: GrantState, approvedBy: Actor): GrantAwardInput {
  const amount = current.status === 'none' ? grantedAmount(command) : current.amount;
  return { grant: command, budgetId: grantBudgetId(command), amount, approvedBy };
}

function grantedAmount(command: GrantAssistance): Satang {
  const granted = grantDecider.decide(command, grantDecider.initialState()).find((event) => event.type === 'AssistanceGranted');
  if (!granted) throw new Error(`grant ${command.grantId} was decided without its approval`);
  return granted.data.amount;
}
