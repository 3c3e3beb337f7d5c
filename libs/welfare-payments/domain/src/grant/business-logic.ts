import { recipientKinds, type FieldIssue } from '@khu-siao/contracts';
import { IllegalStateError, InvalidCommandError, NotFoundError, type Decider } from '@khu-siao/decider';
import { budgetIdFor } from '../budget/budget';
import { refuseIfAny, textIssues } from '@khu-siao/decider';
import { fiscalYearAt } from '../fiscal-year/fiscal-year';
import { instantIssues } from '../fiscal-year/thai-time';
import { amountIssues, maxGrantAmount, satangText, type Satang } from '../money/satang';
import type { ProgrammeFacts } from '../programme/programme';
import type { GrantEvent } from '../welfare-events';
import type { CancelGrant, GrantAssistance, GrantCommand } from './commands';
import { confirmDisbursement, failDisbursement, reverseDisbursement, startDisbursement } from './disbursement';
import { attemptInFlight, evolveGrant, initialGrantState, paidAttempt, type Grant, type GrantState, type Recipient } from './grant';

function decide(command: GrantCommand, state: GrantState): GrantEvent[] {
  switch (command.type) {
    case 'GrantAssistance':
      return grantAssistance(command, state);
    case 'CancelGrant':
      return cancel(command, existing(state, command.grantId));
    case 'StartDisbursement':
      return startDisbursement(command, existing(state, command.grantId));
    case 'ConfirmDisbursement':
      return confirmDisbursement(command, existing(state, command.grantId));
    case 'FailDisbursement':
      return failDisbursement(command, existing(state, command.grantId));
    case 'ReverseDisbursement':
      return reverseDisbursement(command, existing(state, command.grantId));
    default: {
      const unknown: never = command;
      const type = String((unknown as { type?: unknown }).type);
      throw new InvalidCommandError([{ field: 'type', message: `is not a grant command: ${type}` }]);
    }
  }
}

export const grantDecider: Decider<GrantCommand, GrantEvent, GrantState> = {
  initialState: initialGrantState,
  decide,
  evolve: evolveGrant,
};

function existing(state: GrantState, grantId: string): Grant {
  if (state.status === 'none') throw new NotFoundError('grant', grantId);
  return state;
}

/** The budget stream a grant reserves on, before it is recorded: the centre's, for the programme, in the grant's fiscal year. */
export function grantBudgetId(command: Pick<GrantAssistance, 'centreId' | 'programmeId' | 'grantedAt'>): string {
  const { centreId, programmeId, grantedAt } = command;
  return budgetIdFor({ centreId, programmeId, fiscalYear: fiscalYearAt(grantedAt) });
}

function grantAssistance(command: GrantAssistance, state: GrantState): GrantEvent[] {
  const { grantId, programmeId, programme, centreId, recipient, recipientFound, recipientErased, amount, reason, approvedBy, grantedAt } = command;
  refuseIfAny([
    ...textIssues({ grantId, programmeId, centreId, approvedBy }, 200),
    ...recipientIssues(recipient),
    ...(amount === undefined ? [] : amountIssues('amount', amount, maxGrantAmount)),
    ...textIssues({ reason }),
    ...instantIssues({ grantedAt }),
  ]);
  if (!programme) throw new NotFoundError('programme', programmeId);
  if (!recipientFound) throw new NotFoundError(recipient.kind, recipientIdOf(recipient));
  const granted = amountToGrant(programme, amount);
  refuseIfAny(programme.recipients.includes(recipient.kind) ? [] : [{ field: 'recipient.kind', message: `is not paid by programme ${programmeId}` }]);
  if (state.status !== 'none') {
    // The same approval asked again (the reservation done, the reply lost) finds it recorded: nothing more to do.
    if (isSameGrant(state, { programmeId, centreId, recipient, amount: granted })) return [];
    throw new IllegalStateError(`grant ${grantId} is already recorded, for other terms`);
  }
  if (recipientErased) throw new IllegalStateError(`${recipient.kind} ${recipientIdOf(recipient)} was erased: it is given no new grant`);
  if (programme.status === 'closed') throw new IllegalStateError(`programme ${programmeId} is closed: it makes no new grants`);
  const budgetId = grantBudgetId(command);
  const data = { grantId, programmeId, centreId, recipient, amount: granted, reason, approvedBy, budgetId, grantedAt };
  return [{ type: 'AssistanceGranted', data }];
}

/** A programme with a standard amount grants exactly that; one without needs the amount stated. */
function amountToGrant(programme: ProgrammeFacts, amount: Satang | undefined): Satang {
  const standard = programme.standardAmount;
  if (standard === null) {
    if (amount === undefined) throw new InvalidCommandError([{ field: 'amount', message: `is required: programme ${programme.programmeId} has no standard amount` }]);
    return amount;
  }
  if (amount !== undefined && amount !== standard) {
    throw new InvalidCommandError([{ field: 'amount', message: `must be the programme's standard amount of ${satangText(standard)} satang` }]);
  }
  return standard;
}

function cancel(command: CancelGrant, grant: Grant): GrantEvent[] {
  const { reason, cancelledBy, cancelledAt } = command;
  refuseIfAny([...textIssues({ reason }), ...textIssues({ cancelledBy }, 200), ...instantIssues({ cancelledAt })]);
  if (grant.status === 'cancelled') throw new IllegalStateError('the grant is already cancelled');
  const inFlight = attemptInFlight(grant);
  if (inFlight) throw new IllegalStateError(`disbursement ${inFlight.disbursementId} of the grant is in progress: record its outcome first`);
  const paid = paidAttempt(grant);
  if (paid) throw new IllegalStateError(`the grant is already paid (disbursement ${paid.disbursementId}): reverse the disbursement first`);
  return [{ type: 'GrantCancelled', data: { grantId: grant.grantId, amount: grant.amount, reason, cancelledBy, cancelledAt } }];
}

function recipientIssues(recipient: Recipient): FieldIssue[] {
  if (!(recipientKinds as readonly string[]).includes(recipient?.kind)) {
    return [{ field: 'recipient.kind', message: `must be one of ${recipientKinds.join(', ')}` }];
  }
  return recipient.kind === 'household' ? textIssues({ 'recipient.householdId': recipient.householdId }, 200) : textIssues({ 'recipient.centreId': recipient.centreId }, 200);
}

export function recipientIdOf(recipient: Recipient): string {
  return recipient.kind === 'household' ? recipient.householdId : recipient.centreId;
}

function isSameGrant(grant: Grant, terms: Pick<Grant, 'programmeId' | 'centreId' | 'recipient' | 'amount'>): boolean {
  return (
    grant.programmeId === terms.programmeId &&
    grant.centreId === terms.centreId &&
    grant.amount === terms.amount &&
    grant.recipient.kind === terms.recipient.kind &&
    recipientIdOf(grant.recipient) === recipientIdOf(terms.recipient)
  );
}
