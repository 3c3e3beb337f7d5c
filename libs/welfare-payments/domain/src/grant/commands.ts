import type { Instant } from '../fiscal-year/thai-time';
import type { Satang } from '../money/satang';
import type { ProgrammeFacts } from '../programme/programme';
import type { DisbursementMethod, Recipient } from './grant';

/**
 * Approves help. The application first reserves the amount on the budget `grantBudgetId(command)` (idempotent by
 * grant id), then records the grant: the facts it looked up (the programme, whether the recipient exists) travel in
 * the command, because the domain does no lookups.
 */
export interface GrantAssistance {
  readonly type: 'GrantAssistance';
  readonly grantId: string;
  readonly programmeId: string;
  /** null when no such programme is defined. */
  readonly programme: ProgrammeFacts | null;
  /** The centre that pays, from its budget for the programme in the fiscal year of `grantedAt`. */
  readonly centreId: string;
  readonly recipient: Recipient;
  /** Whether the household (or centre) receiving the help is on the register. */
  readonly recipientFound: boolean;
  /** The household's personal data was erased (PDPA): its case has ended, so it is given no new grant. */
  readonly recipientErased?: boolean;
  /** Whole satang; leave out to grant the programme's standard amount. */
  readonly amount?: Satang;
  readonly reason: string;
  readonly approvedBy: string;
  readonly grantedAt: Instant;
}

/** Possible while no money is out: before any payment, after a failed attempt, after a reversal. */
export interface CancelGrant {
  readonly type: 'CancelGrant';
  readonly grantId: string;
  readonly reason: string;
  readonly cancelledBy: string;
  readonly cancelledAt: Instant;
}

/**
 * Recorded before any money moves (before the bank or PromptPay is called, before cash is counted out), so that one
 * attempt at most is ever in flight. `disbursementId` is what the bank sees as its own idempotency reference.
 */
export interface StartDisbursement {
  readonly type: 'StartDisbursement';
  readonly grantId: string;
  readonly disbursementId: string;
  readonly method: DisbursementMethod;
  readonly requestedBy: string;
  readonly requestedAt: Instant;
}

export interface ConfirmDisbursement {
  readonly type: 'ConfirmDisbursement';
  readonly grantId: string;
  readonly disbursementId: string;
  /** Receipt number at the counter, bank or PromptPay transaction reference, delivery note for goods. */
  readonly reference: string;
  readonly paidAt: Instant;
  readonly paidBy: string;
}

export interface FailDisbursement {
  readonly type: 'FailDisbursement';
  readonly grantId: string;
  readonly disbursementId: string;
  readonly reason: string;
  readonly failedAt: Instant;
}

export interface ReverseDisbursement {
  readonly type: 'ReverseDisbursement';
  readonly grantId: string;
  readonly disbursementId: string;
  readonly reason: string;
  readonly reversedBy: string;
  readonly reversedAt: Instant;
}

export type GrantCommand =
  | GrantAssistance
  | CancelGrant
  | StartDisbursement
  | ConfirmDisbursement
  | FailDisbursement
  | ReverseDisbursement;
