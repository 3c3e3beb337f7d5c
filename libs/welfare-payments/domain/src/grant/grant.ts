import type { AssistanceGranted, DataOf, DisbursementStarted, GrantCancelled } from '@khu-siao/contracts';
import type { Instant } from '../fiscal-year/thai-time';
import type { Satang } from '../money/satang';
import type { GrantEvent } from '../welfare-events';

export type Recipient = DataOf<typeof AssistanceGranted>['recipient'];
export type DisbursementMethod = DataOf<typeof DisbursementStarted>['method'];

/** One payment attempt. Attempts are never edited away: a failure or a reversal is a new fact about it. */
export interface Disbursement {
  readonly disbursementId: string;
  readonly method: DisbursementMethod;
  readonly amount: Satang;
  readonly requestedBy: string;
  readonly requestedAt: Instant;
  readonly outcome: 'inFlight' | 'paid' | 'failed' | 'reversed';
  readonly payment: { readonly reference: string; readonly paidAt: Instant; readonly paidBy: string } | null;
  readonly failure: { readonly reason: string; readonly failedAt: Instant } | null;
  readonly reversal: { readonly reason: string; readonly reversedBy: string; readonly reversedAt: Instant } | null;
}

/**
 * One grant, from approval to payment: its own aggregate so that "pay once" is decided on one short stream, whose
 * version serialises concurrent payment requests. awaitingPayment → disbursing → paid, with a failed attempt back
 * to awaitingPayment, a reversal of a paid one back to awaitingPayment (to be paid again, to the right account, or
 * cancelled), and cancellation possible whenever no money is out.
 */
export interface Grant {
  readonly status: 'awaitingPayment' | 'disbursing' | 'paid' | 'cancelled';
  readonly grantId: string;
  readonly programmeId: string;
  readonly centreId: string;
  /** The budget stream that holds the grant's reservation; null only on grants written before budgets existed. */
  readonly budgetId: string | null;
  readonly recipient: Recipient;
  readonly amount: Satang;
  readonly reason: string;
  readonly approvedBy: string;
  readonly grantedAt: Instant | null;
  readonly disbursements: readonly Disbursement[];
  readonly cancellation: DataOf<typeof GrantCancelled> | null;
}

export type GrantState = { readonly status: 'none' } | Grant;

export const initialGrantState = (): GrantState => ({ status: 'none' });

export function evolveGrant(state: GrantState, event: GrantEvent): GrantState {
  if (event.type === 'AssistanceGranted') {
    const { budgetId, grantedAt, ...grant } = event.data;
    return { ...grant, status: 'awaitingPayment', budgetId: budgetId ?? null, grantedAt: grantedAt ?? null, disbursements: [], cancellation: null };
  }
  // Only an approval starts a grant: a stream never holds anything before it.
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'DisbursementStarted': {
      const { disbursementId, method, amount, requestedBy, requestedAt } = event.data;
      const attempt: Disbursement = {
        disbursementId,
        method,
        amount,
        requestedBy,
        requestedAt,
        outcome: 'inFlight',
        payment: null,
        failure: null,
        reversal: null,
      };
      return { ...state, status: 'disbursing', disbursements: [...state.disbursements, attempt] };
    }
    case 'AssistanceDisbursed': {
      const { disbursementId, reference, paidAt, paidBy } = event.data;
      return withAttempt({ ...state, status: 'paid' }, disbursementId, { outcome: 'paid', payment: { reference, paidAt, paidBy } });
    }
    case 'DisbursementFailed': {
      const { disbursementId, reason, failedAt } = event.data;
      return withAttempt({ ...state, status: 'awaitingPayment' }, disbursementId, { outcome: 'failed', failure: { reason, failedAt } });
    }
    case 'DisbursementReversed': {
      const { disbursementId, reason, reversedBy, reversedAt } = event.data;
      const reversal = { reason, reversedBy, reversedAt };
      return withAttempt({ ...state, status: 'awaitingPayment' }, disbursementId, { outcome: 'reversed', reversal });
    }
    case 'GrantCancelled':
      return { ...state, status: 'cancelled', cancellation: event.data };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

function withAttempt(grant: Grant, disbursementId: string, change: Partial<Disbursement>): Grant {
  const disbursements = grant.disbursements.map((attempt) => (attempt.disbursementId === disbursementId ? { ...attempt, ...change } : attempt));
  return { ...grant, disbursements };
}

export function attemptOf(grant: Grant, disbursementId: string): Disbursement | undefined {
  return grant.disbursements.find((attempt) => attempt.disbursementId === disbursementId);
}

/** The attempt whose outcome is awaited; at most one, since a new one cannot start while it is. */
export function attemptInFlight(grant: Grant): Disbursement | undefined {
  return grant.disbursements.find((attempt) => attempt.outcome === 'inFlight');
}

/** The attempt that paid the grant; at most one, since none can start on a paid grant. */
export function paidAttempt(grant: Grant): Disbursement | undefined {
  return grant.disbursements.find((attempt) => attempt.outcome === 'paid');
}
