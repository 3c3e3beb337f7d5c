import { specificationFor } from '@khu-siao/decider/testing';
import { familyGrant } from '../programme/programme.examples';
import type { WelfareEventOfType } from '../welfare-events';
import { grantDecider } from './business-logic';
import type { ConfirmDisbursement, GrantAssistance, StartDisbursement } from './commands';

export const { given } = specificationFor(grantDecider);

/** 3,000 baht to household hh-1, paid by the tambon centre of Nai Mueang on 27 January 2022 (FY2565). */
export const grantAssistance: GrantAssistance = {
  type: 'GrantAssistance',
  grantId: 'g-1',
  programmeId: 'family-grant',
  programme: familyGrant,
  centreId: 'tc-400101',
  recipient: { kind: 'household', householdId: 'hh-1' },
  recipientFound: true,
  reason: 'income below the poverty line after the flood',
  approvedBy: 'officer-1',
  grantedAt: '2022-01-27T10:00:00+07:00',
};

export function granted(data: Partial<WelfareEventOfType<'AssistanceGranted'>['data']> = {}): WelfareEventOfType<'AssistanceGranted'> {
  return {
    type: 'AssistanceGranted',
    data: {
      grantId: 'g-1',
      programmeId: 'family-grant',
      centreId: 'tc-400101',
      recipient: { kind: 'household', householdId: 'hh-1' },
      amount: 300_000,
      reason: 'income below the poverty line after the flood',
      approvedBy: 'officer-1',
      budgetId: 'tc-400101:FY2565:family-grant',
      grantedAt: '2022-01-27T10:00:00+07:00',
      ...data,
    },
  };
}

export function start(disbursementId = 'd-1', method: StartDisbursement['method'] = 'promptPay'): StartDisbursement {
  return { type: 'StartDisbursement', grantId: 'g-1', disbursementId, method, requestedBy: 'officer-2', requestedAt: '2022-01-28T09:00:00+07:00' };
}

export function started(disbursementId = 'd-1', method: StartDisbursement['method'] = 'promptPay'): WelfareEventOfType<'DisbursementStarted'> {
  const { grantId, requestedBy, requestedAt } = start(disbursementId, method);
  return { type: 'DisbursementStarted', data: { grantId, disbursementId, method, amount: 300_000, requestedBy, requestedAt } };
}

export function confirm(disbursementId = 'd-1', reference = 'PP-0001'): ConfirmDisbursement {
  return { type: 'ConfirmDisbursement', grantId: 'g-1', disbursementId, reference, paidAt: '2022-01-28T09:01:00+07:00', paidBy: 'officer-2' };
}

export function disbursed(disbursementId = 'd-1', method: StartDisbursement['method'] = 'promptPay', reference = 'PP-0001'): WelfareEventOfType<'AssistanceDisbursed'> {
  const { grantId, paidAt, paidBy } = confirm(disbursementId, reference);
  return { type: 'AssistanceDisbursed', data: { grantId, disbursementId, method, reference, amount: 300_000, paidAt, paidBy } };
}

export function failed(disbursementId = 'd-1', method: StartDisbursement['method'] = 'promptPay'): WelfareEventOfType<'DisbursementFailed'> {
  const data = { grantId: 'g-1', disbursementId, method, amount: 300_000, reason: 'PromptPay ID not registered', failedAt: '2022-01-28T09:01:00+07:00' };
  return { type: 'DisbursementFailed', data };
}

export function reversed(disbursementId = 'd-1'): WelfareEventOfType<'DisbursementReversed'> {
  const data = { grantId: 'g-1', disbursementId, amount: 300_000, reason: 'paid to the wrong account', reversedBy: 'officer-3', reversedAt: '2022-02-02T09:00:00+07:00' };
  return { type: 'DisbursementReversed', data };
}

export const cancelGrant = {
  type: 'CancelGrant',
  grantId: 'g-1',
  reason: 'household moved out of the province',
  cancelledBy: 'officer-1',
  cancelledAt: '2022-02-03T09:00:00+07:00',
} as const;

export const cancelled: WelfareEventOfType<'GrantCancelled'> = {
  type: 'GrantCancelled',
  data: { grantId: 'g-1', amount: 300_000, reason: cancelGrant.reason, cancelledBy: 'officer-1', cancelledAt: cancelGrant.cancelledAt },
};
