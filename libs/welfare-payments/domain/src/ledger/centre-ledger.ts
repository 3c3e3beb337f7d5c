import type { Instant } from '../fiscal-year/thai-time';
import type { Satang } from '../money/satang';
import type { WelfareEvent } from '../welfare-events';

export type LedgerEntryKind = 'allocated' | 'toppedUp' | 'withdrawn' | 'granted' | 'cancelled' | 'paid' | 'failed' | 'reversed';

export interface LedgerEntry {
  readonly kind: LedgerEntryKind;
  /** When it happened; null only for grants written before grants carried their time. */
  readonly at: Instant | null;
  readonly amount: Satang;
  readonly budgetId?: string;
  readonly grantId?: string;
  readonly disbursementId?: string;
  /** Funds not yet granted, after this entry. */
  readonly balanceAfter: Satang;
  /** Money actually out of the centre (paid less reversed), after this entry. */
  readonly paidOutAfter: Satang;
}

/**
 * A centre's ledger. Funds come from budget allocations, top-ups and withdrawals; grants commit them (a cancellation
 * frees them); payments spend what grants committed, so they move `paidOut` and not `balance`. Reservations on the
 * budget streams are left out: they mirror the grants and exist to guard the write side.
 */
export interface CentreLedger {
  readonly centreId: string;
  readonly entries: readonly LedgerEntry[];
  readonly funded: Satang;
  readonly granted: Satang;
  readonly cancelled: Satang;
  readonly paid: Satang;
  readonly reversed: Satang;
  /** Failed attempts move no money; they are counted so a reader sees them. */
  readonly failedAttempts: number;
  /** funded − (granted − cancelled): what new grants may still take. */
  readonly balance: Satang;
  /** paid − reversed. */
  readonly paidOut: Satang;
  /** (granted − cancelled) − paidOut: committed to grants and not yet paid. */
  readonly awaitingPayment: Satang;
}

type Movement = Omit<LedgerEntry, 'balanceAfter' | 'paidOutAfter'> & { readonly funds: Satang; readonly commits: Satang; readonly pays: Satang };

export function centreLedger(events: readonly WelfareEvent[], centreId: string): CentreLedger {
  const budgets = new Set<string>();
  const grants = new Set<string>();
  const entries: LedgerEntry[] = [];
  const totals = { funded: 0, granted: 0, cancelled: 0, paid: 0, reversed: 0, failedAttempts: 0, balance: 0, paidOut: 0 };
  for (const event of events) {
    const movement = movementOf(event, centreId, budgets, grants);
    if (!movement) continue;
    const { funds, commits, pays, ...entry } = movement;
    totals.funded += funds;
    totals.balance += funds - commits;
    totals.paidOut += pays;
    if (entry.kind === 'granted') totals.granted += entry.amount;
    if (entry.kind === 'cancelled') totals.cancelled += entry.amount;
    if (entry.kind === 'paid') totals.paid += entry.amount;
    if (entry.kind === 'reversed') totals.reversed += entry.amount;
    if (entry.kind === 'failed') totals.failedAttempts += 1;
    entries.push({ ...entry, balanceAfter: totals.balance, paidOutAfter: totals.paidOut });
  }
  return { centreId, entries, ...totals, awaitingPayment: totals.granted - totals.cancelled - totals.paidOut };
}

/** What one event does to a centre's ledger, or null when it is not about this centre (or moves nothing). */
function movementOf(event: WelfareEvent, centreId: string, budgets: Set<string>, grants: Set<string>): Movement | null {
  const none = { funds: 0, commits: 0, pays: 0 };
  switch (event.type) {
    case 'BudgetAllocated': {
      const { budgetId, amount, allocatedAt } = event.data;
      if (event.data.centreId !== centreId) return null;
      budgets.add(budgetId);
      return { ...none, kind: 'allocated', at: allocatedAt, amount, budgetId, funds: amount };
    }
    case 'BudgetToppedUp':
    case 'BudgetWithdrawn': {
      const { budgetId, amount, at } = event.data;
      if (!budgets.has(budgetId)) return null;
      const toppedUp = event.type === 'BudgetToppedUp';
      return { ...none, kind: toppedUp ? 'toppedUp' : 'withdrawn', at, amount, budgetId, funds: toppedUp ? amount : -amount };
    }
    case 'AssistanceGranted': {
      const { grantId, amount, grantedAt } = event.data;
      if (event.data.centreId !== centreId) return null;
      grants.add(grantId);
      return { ...none, kind: 'granted', at: grantedAt ?? null, amount, grantId, commits: amount };
    }
    case 'GrantCancelled': {
      const { grantId, amount, cancelledAt } = event.data;
      return grants.has(grantId) ? { ...none, kind: 'cancelled', at: cancelledAt, amount, grantId, commits: -amount } : null;
    }
    case 'AssistanceDisbursed': {
      const { grantId, disbursementId, amount, paidAt } = event.data;
      return grants.has(grantId) ? { ...none, kind: 'paid', at: paidAt, amount, grantId, disbursementId, pays: amount } : null;
    }
    case 'DisbursementFailed': {
      const { grantId, disbursementId, amount, failedAt } = event.data;
      return grants.has(grantId) ? { ...none, kind: 'failed', at: failedAt, amount, grantId, disbursementId } : null;
    }
    case 'DisbursementReversed': {
      const { grantId, disbursementId, amount, reversedAt } = event.data;
      return grants.has(grantId) ? { ...none, kind: 'reversed', at: reversedAt, amount, grantId, disbursementId, pays: -amount } : null;
    }
    case 'DisbursementStarted':
    case 'BudgetReserved':
    case 'BudgetReservationReleased':
    case 'ProgrammeDefined':
    case 'ProgrammeClosed':
      return null;
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
