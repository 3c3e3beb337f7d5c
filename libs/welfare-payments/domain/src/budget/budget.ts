import { fiscalYearName, type FiscalYear } from '../fiscal-year/fiscal-year';
import type { Satang } from '../money/satang';
import type { BudgetEvent } from '../welfare-events';
import type { CentreKind } from '../centre/centre';

/**
 * The money one centre (a tambon social-assistance centre or a Community Family Development Centre) may spend on
 * one programme in one fiscal year. It is the unit that must never go below zero, so it is an aggregate of its own:
 * every grant reserves its amount here first, and concurrent grants are serialised by this stream's version.
 * A reservation is held from approval until the grant is cancelled; paying the grant spends what is held, so no
 * payment can overspend and the budget need not know about payments at all.
 */
export interface Budget {
  readonly status: 'allocated';
  readonly budgetId: string;
  readonly centreId: string;
  readonly centreKind: CentreKind;
  readonly fiscalYear: FiscalYear;
  readonly programmeId: string;
  /** Allocated, plus top-ups, less withdrawals. */
  readonly funded: Satang;
  /** The amount each grant holds, by grant id. */
  readonly reservations: Readonly<Record<string, Satang>>;
  /** Grants whose reservation was released: they never hold budget again. */
  readonly released: readonly string[];
}

export type BudgetState = { readonly status: 'unallocated' } | Budget;

export const initialBudgetState = (): BudgetState => ({ status: 'unallocated' });

/** One stream per (centre, fiscal year, programme): the id says which, so the application finds it without a lookup. */
export function budgetIdFor(key: { readonly centreId: string; readonly fiscalYear: FiscalYear; readonly programmeId: string }): string {
  return `${key.centreId}:${fiscalYearName(key.fiscalYear)}:${key.programmeId}`;
}

export function reservedOf(budget: Budget): Satang {
  return Object.values(budget.reservations).reduce((sum, amount) => sum + amount, 0);
}

/** What new grants and withdrawals may still take: never negative, by construction of `decide`. */
export function availableOf(budget: Budget): Satang {
  return budget.funded - reservedOf(budget);
}

export function evolveBudget(state: BudgetState, event: BudgetEvent): BudgetState {
  if (event.type === 'BudgetAllocated') {
    const { budgetId, centreId, centreKind, fiscalYear, programmeId, amount } = event.data;
    return { status: 'allocated', budgetId, centreId, centreKind, fiscalYear, programmeId, funded: amount, reservations: {}, released: [] };
  }
  // Only an allocation starts a budget: a stream never holds anything before it.
  if (state.status === 'unallocated') return state;
  switch (event.type) {
    case 'BudgetToppedUp':
      return { ...state, funded: state.funded + event.data.amount };
    case 'BudgetWithdrawn':
      return { ...state, funded: state.funded - event.data.amount };
    case 'BudgetReserved':
      return { ...state, reservations: { ...state.reservations, [event.data.grantId]: event.data.amount } };
    case 'BudgetReservationReleased': {
      const { [event.data.grantId]: _released, ...held } = state.reservations;
      return { ...state, reservations: held, released: [...state.released, event.data.grantId] };
    }
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
