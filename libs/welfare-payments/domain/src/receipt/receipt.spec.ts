import { fold } from '@khu-siao/decider';
import { grantDecider } from '../grant/business-logic';
import { disbursed, failed, granted, reversed, started } from '../grant/grant.examples';
import type { Grant } from '../grant/grant';
import type { GrantEvent } from '../welfare-events';
import { disbursementReceipt } from './receipt';

const grantAfter = (...events: GrantEvent[]) => fold(grantDecider, events) as Grant;

describe('the receipt of a disbursement', () => {
  it('shows the amount in figures and in Thai words, and the date in the Buddhist era', () => {
    expect(disbursementReceipt(grantAfter(granted(), started(), disbursed()), 'd-1')).toEqual({
      grantId: 'g-1',
      disbursementId: 'd-1',
      programmeId: 'family-grant',
      centreId: 'tc-400101',
      recipient: { kind: 'household', householdId: 'hh-1' },
      amount: 300_000,
      amountInBaht: '3,000.00',
      amountInThaiWords: 'สามพันบาทถ้วน',
      method: 'promptPay',
      reference: 'PP-0001',
      paidAt: '2022-01-28T09:01:00+07:00',
      paidOnThai: '28 มกราคม 2565',
      fiscalYear: 2565,
      paidBy: 'officer-2',
      reversed: false,
    });
  });

  it('stays, marked reversed, after the payment is reversed', () => {
    expect(disbursementReceipt(grantAfter(granted(), started(), disbursed(), reversed()), 'd-1')?.reversed).toBe(true);
  });

  it('does not exist for an attempt that paid nothing', () => {
    expect(disbursementReceipt(grantAfter(granted(), started(), failed()), 'd-1')).toBeNull();
    expect(disbursementReceipt(grantAfter(granted(), started()), 'd-1')).toBeNull();
    expect(disbursementReceipt(grantAfter(granted()), 'd-9')).toBeNull();
  });
});
