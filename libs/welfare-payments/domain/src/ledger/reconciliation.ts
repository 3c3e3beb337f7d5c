import { thaiDateOf, type CalendarDate, type Instant } from '../fiscal-year/thai-time';
import type { Satang } from '../money/satang';
import type { GrantEvent, WelfareEvent } from '../welfare-events';
import { isGrantEvent } from './grants';

/** Calendar dates in Thailand, both ends included: a month, a quarter, a fiscal year (`fiscalYearRange`). */
export interface Period {
  readonly from: CalendarDate;
  readonly to: CalendarDate;
}

export interface Tally {
  readonly count: number;
  readonly amount: Satang;
}

/**
 * Granted vs paid vs failed vs reversed for one centre over one period. "Outstanding" is what is granted and neither
 * paid nor cancelled; it is counted independently at both ends of the period, and the movements must explain the
 * difference: opening + granted − cancelled − paid + reversed = closing. Failed attempts move nothing and are shown
 * beside. `balanced` false means the events contradict themselves (a payment dated before its grant, say).
 */
export interface Reconciliation {
  readonly centreId: string;
  readonly period: Period;
  readonly openingOutstanding: Tally;
  readonly granted: Tally;
  readonly cancelled: Tally;
  readonly paid: Tally;
  readonly failed: Tally;
  readonly reversed: Tally;
  readonly closingOutstanding: Tally;
  /** paid − reversed in the period. */
  readonly paidNet: Satang;
  readonly balanced: boolean;
}

const zero: Tally = { count: 0, amount: 0 };

export function reconciliation(events: readonly WelfareEvent[], centreId: string, period: Period): Reconciliation {
  const centreGrants = new Set<string>();
  const ofCentre = events.filter(isGrantEvent).filter((event) => {
    if (event.type === 'AssistanceGranted' && event.data.centreId === centreId) centreGrants.add(event.data.grantId);
    return centreGrants.has(event.data.grantId);
  });
  const during = ofCentre.filter((event) => within(dateOf(event), period));
  const tally = (type: GrantEvent['type']) => sum(during.filter((event) => event.type === type));
  const granted = tally('AssistanceGranted');
  const cancelled = tally('GrantCancelled');
  const paid = tally('AssistanceDisbursed');
  const reversed = tally('DisbursementReversed');
  const openingOutstanding = outstanding(ofCentre.filter((event) => dateOf(event) < period.from));
  const closingOutstanding = outstanding(ofCentre.filter((event) => dateOf(event) <= period.to));
  const explained = (key: keyof Tally) => openingOutstanding[key] + granted[key] - cancelled[key] - paid[key] + reversed[key];
  return {
    centreId,
    period,
    openingOutstanding,
    granted,
    cancelled,
    paid,
    failed: tally('DisbursementFailed'),
    reversed,
    closingOutstanding,
    paidNet: paid.amount - reversed.amount,
    balanced: explained('count') === closingOutstanding.count && explained('amount') === closingOutstanding.amount,
  };
}

/** Granted and neither paid nor cancelled, after these events: followed grant by grant. */
function outstanding(events: readonly GrantEvent[]): Tally {
  const open = new Map<string, Satang>();
  const amounts = new Map<string, Satang>();
  for (const event of events) {
    const { grantId } = event.data;
    if (event.type === 'AssistanceGranted') amounts.set(grantId, event.data.amount);
    const amount = amounts.get(grantId);
    if (amount === undefined) continue;
    if (event.type === 'AssistanceGranted' || event.type === 'DisbursementReversed') open.set(grantId, amount);
    if (event.type === 'AssistanceDisbursed' || event.type === 'GrantCancelled') open.delete(grantId);
  }
  return { count: open.size, amount: [...open.values()].reduce((total, amount) => total + amount, 0) };
}

function sum(events: readonly GrantEvent[]): Tally {
  return events.reduce((tally, event) => ({ count: tally.count + 1, amount: tally.amount + event.data.amount }), zero);
}

/** The Thai date an event happened on; a grant written before grants carried their time counts as before any period. */
function dateOf(event: GrantEvent): CalendarDate {
  const at = instantOf(event);
  return at === null ? '' : thaiDateOf(at);
}

function instantOf(event: GrantEvent): Instant | null {
  switch (event.type) {
    case 'AssistanceGranted':
      return event.data.grantedAt ?? null;
    case 'DisbursementStarted':
      return event.data.requestedAt;
    case 'AssistanceDisbursed':
      return event.data.paidAt;
    case 'DisbursementFailed':
      return event.data.failedAt;
    case 'DisbursementReversed':
      return event.data.reversedAt;
    case 'GrantCancelled':
      return event.data.cancelledAt;
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

function within(date: CalendarDate, period: Period): boolean {
  return date >= period.from && date <= period.to;
}
