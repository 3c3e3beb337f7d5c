import { disbursementMethods } from '@khu-siao/contracts';
import { IllegalStateError } from '@khu-siao/decider';
import { refuseIfAny, textIssues } from '@khu-siao/decider';
import { instantIssues } from '../fiscal-year/thai-time';
import type { GrantEvent } from '../welfare-events';
import type { ConfirmDisbursement, FailDisbursement, ReverseDisbursement, StartDisbursement } from './commands';
import { attemptInFlight, attemptOf, paidAttempt, type Disbursement, type Grant } from './grant';

/**
 * Paying a grant. "Pay once" is decided here, on the grant's own stream: an attempt is recorded before money moves,
 * none can start while one is in flight or once the grant is paid, and the application appends with the expected
 * version of the stream, so of concurrent requests (one idempotency key or ten) exactly one attempt is recorded.
 */
export function startDisbursement(command: StartDisbursement, grant: Grant): GrantEvent[] {
  const { disbursementId, method, requestedBy, requestedAt } = command;
  refuseIfAny([
    ...textIssues({ disbursementId, requestedBy }, 200),
    ...(disbursementMethods.includes(method) ? [] : [{ field: 'method', message: `must be one of ${disbursementMethods.join(', ')}` }]),
    ...instantIssues({ requestedAt }),
  ]);
  refuseIfCancelled(grant);
  refuseIfPaid(grant);
  const inFlight = attemptInFlight(grant);
  // The same request again (a retry after a crash, a second click) finds its attempt recorded and resumes it.
  if (inFlight?.disbursementId === disbursementId && inFlight.method === method) return [];
  if (inFlight) throw new IllegalStateError(`disbursement ${inFlight.disbursementId} of the grant is in progress: record its outcome first`);
  if (attemptOf(grant, disbursementId)) {
    throw new IllegalStateError(`disbursement ${disbursementId} was already attempted: a new attempt needs a new id`);
  }
  const data = { grantId: grant.grantId, disbursementId, method, amount: grant.amount, requestedBy, requestedAt };
  return [{ type: 'DisbursementStarted', data }];
}

export function confirmDisbursement(command: ConfirmDisbursement, grant: Grant): GrantEvent[] {
  const { disbursementId, reference, paidAt, paidBy } = command;
  refuseIfAny([...textIssues({ disbursementId }, 200), ...textIssues({ reference }, 100), ...textIssues({ paidBy }, 200), ...instantIssues({ paidAt })]);
  refuseIfCancelled(grant);
  const paid = paidAttempt(grant);
  // A confirmation delivered twice is the same payment, not a second one.
  if (paid?.disbursementId === disbursementId && paid.payment?.reference === reference) return [];
  refuseIfPaid(grant);
  const attempt = inFlight(grant, disbursementId);
  const data = { grantId: grant.grantId, disbursementId, method: attempt.method, reference, amount: attempt.amount, paidAt, paidBy };
  return [{ type: 'AssistanceDisbursed', data }];
}

export function failDisbursement(command: FailDisbursement, grant: Grant): GrantEvent[] {
  const { disbursementId, reason, failedAt } = command;
  refuseIfAny([...textIssues({ disbursementId }, 200), ...textIssues({ reason }), ...instantIssues({ failedAt })]);
  // A failure reported twice (the bank's callback and the reconciliation file) is one failure.
  if (attemptOf(grant, disbursementId)?.outcome === 'failed') return [];
  const attempt = inFlight(grant, disbursementId);
  const data = { grantId: grant.grantId, disbursementId, method: attempt.method, amount: attempt.amount, reason, failedAt };
  return [{ type: 'DisbursementFailed', data }];
}

export function reverseDisbursement(command: ReverseDisbursement, grant: Grant): GrantEvent[] {
  const { disbursementId, reason, reversedBy, reversedAt } = command;
  refuseIfAny([...textIssues({ disbursementId, reversedBy }, 200), ...textIssues({ reason }), ...instantIssues({ reversedAt })]);
  const attempt = attemptOf(grant, disbursementId);
  if (!attempt) throw new IllegalStateError(`the grant has no disbursement ${disbursementId}`);
  if (attempt.outcome === 'reversed') throw new IllegalStateError(`disbursement ${disbursementId} is already reversed`);
  if (attempt.outcome !== 'paid') {
    throw new IllegalStateError(`disbursement ${disbursementId} is not paid (${attempt.outcome}): only a paid disbursement can be reversed`);
  }
  const data = { grantId: grant.grantId, disbursementId, amount: attempt.amount, reason, reversedBy, reversedAt };
  return [{ type: 'DisbursementReversed', data }];
}

function inFlight(grant: Grant, disbursementId: string): Disbursement {
  const attempt = attemptInFlight(grant);
  if (attempt?.disbursementId === disbursementId) return attempt;
  const known = attemptOf(grant, disbursementId);
  if (known) throw new IllegalStateError(`disbursement ${disbursementId} is not in progress (it is ${known.outcome})`);
  throw new IllegalStateError(`the grant has no disbursement ${disbursementId} in progress`);
}

function refuseIfCancelled(grant: Grant): void {
  if (grant.status === 'cancelled') throw new IllegalStateError('the grant is cancelled');
}

function refuseIfPaid(grant: Grant): void {
  const paid = paidAttempt(grant);
  if (paid) throw new IllegalStateError(`the grant is already paid (disbursement ${paid.disbursementId})`);
}
