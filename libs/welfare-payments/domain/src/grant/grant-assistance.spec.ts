import { IllegalStateError, InvalidCommandError, NotFoundError } from '@khu-siao/decider';
import { fieldsOf, issuesOf } from '@khu-siao/decider/testing';
import { centreSubsidy, familyGrant, inKindHelp } from '../programme/programme.examples';
import { grantBudgetId } from './business-logic';
import { cancelGrant, cancelled, given, grantAssistance, granted } from './grant.examples';

describe('granting assistance', () => {
  it("records the grant at the programme's standard amount, with the budget it reserved on", () => {
    given().when(grantAssistance).then(granted());
  });

  it('reserves on the budget of the paying centre for the programme in the fiscal year of the grant', () => {
    expect(grantBudgetId(grantAssistance)).toBe('tc-400101:FY2565:family-grant');
    expect(grantBudgetId({ ...grantAssistance, grantedAt: '2022-10-01T08:00:00+07:00' })).toBe('tc-400101:FY2566:family-grant');
  });

  it('accepts the standard amount stated', () => {
    given().when({ ...grantAssistance, amount: 300_000 }).then(granted());
  });

  it('refuses another amount under a programme with a standard amount', () => {
    expect(issuesOf(given().when({ ...grantAssistance, amount: 250_000 }).events)).toEqual([
      { field: 'amount', message: "must be the programme's standard amount of 300,000 satang" },
    ]);
  });

  it('takes the stated amount under a programme without a standard amount, such as a survival bag', () => {
    given()
      .when({ ...grantAssistance, programmeId: 'in-kind', programme: inKindHelp, amount: 75_050 })
      .then(granted({ programmeId: 'in-kind', amount: 75_050, budgetId: 'tc-400101:FY2565:in-kind' }));
  });

  it('needs the amount stated under a programme without a standard amount', () => {
    given()
      .when({ ...grantAssistance, programmeId: 'in-kind', programme: inKindHelp })
      .thenThrows(InvalidCommandError, 'amount is required: programme in-kind has no standard amount');
  });

  it('may grant a subsidy to a centre', () => {
    const recipient = { kind: 'centre', centreId: 'cc-7' } as const;
    given()
      .when({ ...grantAssistance, programmeId: 'centre-subsidy', programme: centreSubsidy, recipient, amount: 78_000_000 })
      .then(granted({ programmeId: 'centre-subsidy', recipient, amount: 78_000_000, budgetId: 'tc-400101:FY2565:centre-subsidy' }));
  });

  it('refuses a kind of recipient the programme does not pay', () => {
    const recipient = { kind: 'centre', centreId: 'cc-7' } as const;
    expect(issuesOf(given().when({ ...grantAssistance, recipient }).events)).toEqual([
      { field: 'recipient.kind', message: 'is not paid by programme family-grant' },
    ]);
  });

  it.each([
    [0, 'must be more than 0'],
    [-300_000, 'must be more than 0'],
    [300_000.25, 'must be whole satang'],
    [10_000_000_01, 'must not exceed 1,000,000,000 satang (10,000,000.00 baht)'],
    [Number.NaN, 'must be a number of satang'],
  ])('refuses an amount of %p, naming the field', (amount, message) => {
    expect(issuesOf(given().when({ ...grantAssistance, amount }).events)).toEqual([{ field: 'amount', message }]);
  });

  it('refuses an unknown programme (404)', () => {
    given().when({ ...grantAssistance, programme: null }).thenThrows(NotFoundError, 'programme family-grant was not found');
  });

  it('refuses an unknown household (404)', () => {
    given().when({ ...grantAssistance, recipientFound: false }).thenThrows(NotFoundError, 'household hh-1 was not found');
  });

  it('refuses an unknown centre as recipient (404)', () => {
    const recipient = { kind: 'centre', centreId: 'cc-9' } as const;
    given()
      .when({ ...grantAssistance, programme: centreSubsidy, recipient, amount: 100, recipientFound: false })
      .thenThrows(NotFoundError, 'centre cc-9 was not found');
  });

  it('refuses a grant under a closed programme', () => {
    given()
      .when({ ...grantAssistance, programme: { ...familyGrant, status: 'closed' } })
      .thenThrows(IllegalStateError, 'programme family-grant is closed: it makes no new grants');
  });

  it('refuses a new grant to a household whose personal data was erased (its case has ended)', () => {
    given()
      .when({ ...grantAssistance, recipientErased: true })
      .thenThrows(IllegalStateError, 'household hh-1 was erased: it is given no new grant');
  });

  it('records nothing when the same grant is asked again (its reply lost after the reservation)', () => {
    given(granted()).when(grantAssistance).then();
    given(granted(), cancelled).when(grantAssistance).then();
    // A grant recorded before the household was erased stays as it was.
    given(granted()).when({ ...grantAssistance, recipientErased: true }).then();
  });

  it('refuses a grant id already used for other terms', () => {
    given(granted())
      .when({ ...grantAssistance, recipient: { kind: 'household', householdId: 'hh-2' } })
      .thenThrows(IllegalStateError, 'grant g-1 is already recorded, for other terms');
  });

  it('names every field at fault at once, before looking at the facts', () => {
    const bad = { ...grantAssistance, programme: null, recipient: { kind: 'household', householdId: '' } as const, amount: -1, reason: '', grantedAt: '2022-01-27' };
    expect(fieldsOf(given().when(bad).events)).toEqual(['recipient.householdId', 'amount', 'reason', 'grantedAt']);
  });

  it('refuses an unknown kind of recipient', () => {
    const recipient = { kind: 'village', villageId: 'v-1' } as never;
    expect(fieldsOf(given().when({ ...grantAssistance, recipient }).events)).toEqual(['recipient.kind']);
  });
});

describe('cancelling a grant', () => {
  it('records the cancellation with the amount it frees', () => {
    given(granted()).when(cancelGrant).then(cancelled);
  });

  it('is refused for a grant never made', () => {
    given().when(cancelGrant).thenThrows(NotFoundError, 'grant g-1 was not found');
  });

  it('is refused twice', () => {
    given(granted(), cancelled).when(cancelGrant).thenThrows(IllegalStateError, 'the grant is already cancelled');
  });

  it('needs a reason', () => {
    expect(issuesOf(given(granted()).when({ ...cancelGrant, reason: ' ' }).events)).toEqual([{ field: 'reason', message: 'is required' }]);
  });
});
