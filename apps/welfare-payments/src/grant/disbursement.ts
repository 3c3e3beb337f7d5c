import { v5 as uuidV5 } from 'uuid';
import { IllegalStateError, InvalidCommandError } from '@khu-siao/decider';
import type { CommandContext, CommandOutcome } from '@khu-siao/service-runtime';
import type { GrantState } from '@khu-siao/welfare-payments-domain';

const disbursementIdNamespace = 'b6a1d3c2-4e5f-4a7b-9c8d-0e1f2a3b4c5d';

export interface DisbursementOutcome {
  readonly grantId: string;
  readonly disbursementId: string;
  readonly status: string;
  readonly outcome: string;
  readonly amount: number;
  readonly version: number;
}

/** A payment request's disbursement id, from the caller's Idempotency-Key: what the bank sees as its own reference. */
export function disbursementIdOf({ idempotency }: CommandContext): string {
  if (!idempotency) throw new InvalidCommandError([{ field: 'Idempotency-Key', message: 'is required' }]);
  return uuidV5(`disbursement:${idempotency.key}`, disbursementIdNamespace);
}

/** The grant after a command about one of its disbursements, and where that disbursement stands. */
export function disbursementOutcome({ version, state }: CommandOutcome<GrantState>, disbursementId: string): DisbursementOutcome {
  if (state.status === 'none') throw new IllegalStateError('the grant does not exist');
  const attempt = state.disbursements.find((candidate) => candidate.disbursementId === disbursementId);
  return { grantId: state.grantId, disbursementId, status: state.status, outcome: attempt?.outcome ?? 'none', amount: attempt?.amount ?? state.amount, version };
}
