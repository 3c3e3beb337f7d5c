import { IllegalStateError, InvalidCommandError, NotFoundError, type Refusal } from '@khu-siao/decider';
import { processSpecificationFor } from '@khu-siao/decider/testing';
import { grantAward, grantAwardOf, type GrantAwardInput } from './grant-award.process';
import { grantAssistance, granted } from './grant.examples';

const { given } = processSpecificationFor(grantAward);

const officer = { kind: 'person', id: 'officer-1' } as const;
const award: GrantAwardInput = grantAwardOf(grantAssistance, { status: 'none' }, officer);
const budgetId = 'tc-400101:FY2565:family-grant';
const short: Refusal = { kind: 'illegalState', message: 'budget FY2565 of centre tc-400101 has 0 satang left, the grant needs 300,000' };
const closed: Refusal = { kind: 'illegalState', message: 'programme family-grant is closed: it makes no new grants' };
const refusedAt = '2022-01-27T10:00:01+07:00';

describe('the award of a grant', () => {
  it('is decided on the grant first, at the amount it grants, on the budget of its centre, programme and fiscal year', () => {
    expect(award).toEqual({ grant: grantAssistance, budgetId, amount: 300_000, approvedBy: officer });
  });

  it.each([
    ['a bad amount', { ...grantAssistance, amount: 250_000 }, InvalidCommandError],
    ['an unknown programme', { ...grantAssistance, programme: null }, NotFoundError],
    ['an unknown household', { ...grantAssistance, recipientFound: false }, NotFoundError],
    ['an erased household', { ...grantAssistance, recipientErased: true }, IllegalStateError],
  ])('refuses %s before any budget is touched', (_case, command, error) => {
    expect(() => grantAwardOf(command, { status: 'none' }, officer)).toThrow(error);
  });

  it('does not decide again an approval whose grant is recorded: its award answers a retry, at the amount recorded', () => {
    const recorded = { ...granted().data, status: 'awaitingPayment', budgetId, grantedAt: grantAssistance.grantedAt, disbursements: [], cancellation: null } as const;
    expect(grantAwardOf({ ...grantAssistance, recipientErased: true }, recorded, officer).amount).toBe(300_000);
  });

  it('reserves the amount on the budget first, at the time of the grant', () => {
    given(award).thenNext({
      type: 'reserve',
      command: { type: 'ReserveBudget', budgetId, grantId: 'g-1', programmeId: 'family-grant', centreId: 'tc-400101', amount: 300_000, reservedAt: grantAssistance.grantedAt },
    });
  });

  it('records the grant once its amount is held', () => {
    given(award, { type: 'reserved' }).thenNext({ type: 'record', command: grantAssistance });
  });

  it('ends with the grant recorded, its reservation held', () => {
    given(award, { type: 'reserved' }, { type: 'recorded', version: 1 }).thenEnds({ reservation: 'held', grant: { status: 'recorded', version: 1 }, refusal: null });
  });

  it('ends refused, touching nothing more, when the budget has not enough left', () => {
    given(award, { type: 'reservationRefused', refusal: short }).thenEnds({ reservation: 'refused', grant: { status: 'toRecord' }, refusal: short });
  });

  it('gives the reservation back when the grant is refused once its amount is held', () => {
    given(award, { type: 'reserved' }, { type: 'grantRefused', refusal: closed, at: refusedAt }).thenNext({
      type: 'release',
      command: { type: 'ReleaseReservation', budgetId, grantId: 'g-1', reason: 'grantNeverRecorded', releasedAt: refusedAt },
    });
  });

  it('ends refused, with the grant refusal, once the reservation is given back', () => {
    given(award, { type: 'reserved' }, { type: 'grantRefused', refusal: closed, at: refusedAt }, { type: 'released' }).thenEnds({
      reservation: 'released',
      refusal: closed,
    });
  });
});
