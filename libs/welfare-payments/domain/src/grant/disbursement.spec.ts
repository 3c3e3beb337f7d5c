import { IllegalStateError, NotFoundError } from '@khu-siao/decider';
import { fieldsOf, issuesOf } from '@khu-siao/decider/testing';
import { cancelGrant, cancelled, confirm, disbursed, failed, given, granted, reversed, start, started } from './grant.examples';

describe('starting a disbursement', () => {
  it('records the attempt, for the amount granted, before any money moves', () => {
    given(granted()).when(start()).then(started());
  });

  it('resumes, recording nothing, when the same attempt is asked again', () => {
    given(granted(), started()).when(start()).then();
  });

  it('refuses another attempt while one is in flight', () => {
    given(granted(), started())
      .when(start('d-2'))
      .thenThrows(IllegalStateError, 'disbursement d-1 of the grant is in progress: record its outcome first');
  });

  it('refuses any attempt once the grant is paid', () => {
    given(granted(), started(), disbursed()).when(start('d-2')).thenThrows(IllegalStateError, 'the grant is already paid (disbursement d-1)');
    given(granted(), started(), disbursed()).when(start()).thenThrows(IllegalStateError, 'the grant is already paid');
  });

  it('retries after a failed transfer, with a new id', () => {
    given(granted(), started(), failed()).when(start('d-2', 'cashAtCentre')).then(started('d-2', 'cashAtCentre'));
  });

  it('refuses to reuse the id of a finished attempt', () => {
    given(granted(), started(), failed())
      .when(start())
      .thenThrows(IllegalStateError, 'disbursement d-1 was already attempted: a new attempt needs a new id');
  });

  it('pays again after a reversal', () => {
    given(granted(), started(), disbursed(), reversed()).when(start('d-2', 'bankTransfer')).then(started('d-2', 'bankTransfer'));
  });

  it('is refused for a cancelled grant', () => {
    given(granted(), cancelled).when(start()).thenThrows(IllegalStateError, 'the grant is cancelled');
  });

  it('is refused for a grant never made', () => {
    given().when(start()).thenThrows(NotFoundError, 'grant g-1 was not found');
  });

  it('refuses an unknown method', () => {
    expect(issuesOf(given(granted()).when(start('d-1', 'cheque' as never)).events)).toEqual([
      { field: 'method', message: 'must be one of cashAtCentre, bankTransfer, promptPay, inKind' },
    ]);
  });
});

describe('confirming a disbursement', () => {
  it('records the payment with its reference, method and amount', () => {
    given(granted(), started()).when(confirm()).then(disbursed());
  });

  it('records a survival bag handed over at the centre', () => {
    given(granted(), started('d-1', 'inKind')).when(confirm('d-1', 'DN-12')).then(disbursed('d-1', 'inKind', 'DN-12'));
  });

  it('records nothing when the same confirmation is delivered again', () => {
    given(granted(), started(), disbursed()).when(confirm()).then();
  });

  it('refuses a second payment of a paid grant', () => {
    given(granted(), started(), disbursed()).when(confirm('d-1', 'PP-0002')).thenThrows(IllegalStateError, 'the grant is already paid');
    given(granted(), started(), disbursed()).when(confirm('d-2')).thenThrows(IllegalStateError, 'the grant is already paid');
  });

  it('refuses a payment no attempt was started for', () => {
    given(granted()).when(confirm()).thenThrows(IllegalStateError, 'the grant has no disbursement d-1 in progress');
  });

  it('refuses to confirm a failed attempt', () => {
    given(granted(), started(), failed()).when(confirm()).thenThrows(IllegalStateError, 'disbursement d-1 is not in progress (it is failed)');
  });

  it('is refused for a cancelled grant', () => {
    given(granted(), cancelled).when(confirm()).thenThrows(IllegalStateError, 'the grant is cancelled');
  });

  it('names every field at fault at once', () => {
    const bad = { ...confirm(), reference: 'x'.repeat(101), paidBy: '', paidAt: 'yesterday' };
    expect(fieldsOf(given(granted(), started()).when(bad).events)).toEqual(['reference', 'paidBy', 'paidAt']);
  });
});

describe('recording a failed disbursement', () => {
  const fail = { type: 'FailDisbursement', grantId: 'g-1', disbursementId: 'd-1', reason: 'PromptPay ID not registered', failedAt: '2022-01-28T09:01:00+07:00' } as const;

  it('records the failure; the grant awaits another attempt', () => {
    given(granted(), started()).when(fail).then(failed());
  });

  it('records nothing when the same failure is reported again', () => {
    given(granted(), started(), failed()).when(fail).then();
  });

  it('refuses a failure of a paid attempt', () => {
    given(granted(), started(), disbursed()).when(fail).thenThrows(IllegalStateError, 'disbursement d-1 is not in progress (it is paid)');
  });

  it('needs a reason', () => {
    expect(fieldsOf(given(granted(), started()).when({ ...fail, reason: '' }).events)).toEqual(['reason']);
  });
});

describe('reversing a disbursement', () => {
  const reverse = { type: 'ReverseDisbursement', grantId: 'g-1', disbursementId: 'd-1', reason: 'paid to the wrong account', reversedBy: 'officer-3', reversedAt: '2022-02-02T09:00:00+07:00' } as const;

  it('records the reversal of a paid disbursement with its reason', () => {
    given(granted(), started(), disbursed()).when(reverse).then(reversed());
  });

  it('is refused twice', () => {
    given(granted(), started(), disbursed(), reversed()).when(reverse).thenThrows(IllegalStateError, 'disbursement d-1 is already reversed');
  });

  it('is refused for an attempt that did not pay', () => {
    given(granted(), started(), failed())
      .when(reverse)
      .thenThrows(IllegalStateError, 'disbursement d-1 is not paid (failed): only a paid disbursement can be reversed');
  });

  it('is refused for an unknown disbursement', () => {
    given(granted()).when(reverse).thenThrows(IllegalStateError, 'the grant has no disbursement d-1');
  });

  it('needs a reason', () => {
    expect(issuesOf(given(granted(), started(), disbursed()).when({ ...reverse, reason: '' }).events)).toEqual([{ field: 'reason', message: 'is required' }]);
  });
});

describe('cancelling a grant once payment began', () => {
  it('is refused while an attempt is in flight', () => {
    given(granted(), started()).when(cancelGrant).thenThrows(IllegalStateError, 'disbursement d-1 of the grant is in progress');
  });

  it('is refused once paid: the disbursement is reversed first', () => {
    given(granted(), started(), disbursed()).when(cancelGrant).thenThrows(IllegalStateError, 'the grant is already paid (disbursement d-1): reverse the disbursement first');
  });

  it('is possible after a failed attempt or a reversal, when no money is out', () => {
    given(granted(), started(), failed()).when(cancelGrant).then(cancelled);
    given(granted(), started(), disbursed(), reversed()).when(cancelGrant).then(cancelled);
  });
});
