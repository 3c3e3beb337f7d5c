import type { Refusal } from '@khu-siao/decider';
import { processSpecificationFor } from '@khu-siao/decider/testing';
import { grantCancellation, type GrantCancellationInput } from './grant-cancellation.process';
import { cancelGrant } from './grant.examples';

const { given } = processSpecificationFor(grantCancellation);

const cancellation: GrantCancellationInput = { cancellationId: 'c-1', cancel: cancelGrant, expectedVersion: 3, cancelledBy: { kind: 'person', id: 'officer-1' } };
const budgetId = 'tc-400101:FY2565:family-grant';
const paid: Refusal = { kind: 'illegalState', message: 'the grant is already paid (disbursement d-1): reverse the disbursement first' };

describe('the cancellation of a grant', () => {
  it('cancels the grant first, at the version the client read', () => {
    given(cancellation).thenNext({ type: 'cancel', command: cancelGrant, expectedVersion: 3 });
  });

  it('then gives back what the grant held on its budget, dated as the cancellation', () => {
    given(cancellation, { type: 'cancelled', version: 4, budgetId }).thenNext({
      type: 'release',
      command: { type: 'ReleaseReservation', budgetId, grantId: 'g-1', reason: 'grantCancelled', releasedAt: cancelGrant.cancelledAt },
    });
  });

  it('ends once the reservation is released', () => {
    given(cancellation, { type: 'cancelled', version: 4, budgetId }, { type: 'released' }).thenEnds({ grant: { status: 'cancelled', version: 4, budgetId }, released: true });
  });

  it('ends at once for a grant written before budgets existed', () => {
    given(cancellation, { type: 'cancelled', version: 4, budgetId: null }).thenEnds({ released: false });
  });

  it('ends refused, releasing nothing, when the grant may not be cancelled', () => {
    given(cancellation, { type: 'cancelRefused', refusal: paid }).thenEnds({ grant: { status: 'refused', refusal: paid }, released: false });
  });

  it('ends, releasing nothing, when the grant moved on since the version the client read', () => {
    given(cancellation, { type: 'stale', currentVersion: 5 }).thenEnds({ grant: { status: 'stale', currentVersion: 5 }, released: false });
  });
});
