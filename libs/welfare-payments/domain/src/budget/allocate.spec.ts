import { IllegalStateError, NotFoundError } from '@khu-siao/decider';
import { fieldsOf, issuesOf } from '@khu-siao/decider/testing';
import { familyGrant } from '../programme/programme.examples';
import { budgetIdFor } from './budget';
import { allocate, allocated, given } from './budget.examples';

describe('allocating a budget', () => {
  it('opens the budget of a centre for a programme in a fiscal year', () => {
    given().when(allocate).then(allocated());
  });

  it('names the budget by centre, fiscal year and programme, so each has one stream', () => {
    expect(budgetIdFor({ centreId: 'tc-400101', fiscalYear: 2565, programmeId: 'family-grant' })).toBe('tc-400101:FY2565:family-grant');
  });

  it('may go to a Community Family Development Centre', () => {
    const events = given().when({ ...allocate, centreId: 'cc-7', centre: { centreId: 'cc-7', kind: 'communityCentre', status: 'open' } }).events();
    expect(events[0]).toMatchObject({ data: { budgetId: 'cc-7:FY2565:family-grant', centreKind: 'communityCentre' } });
  });

  it('is refused once the budget is allocated', () => {
    given(allocated())
      .when(allocate)
      .thenThrows(IllegalStateError, 'budget FY2565 of centre tc-400101 for programme family-grant is already allocated: top it up instead');
  });

  it('is refused for a centre that is not on the register', () => {
    given().when({ ...allocate, centre: null }).thenThrows(NotFoundError, 'centre tc-400101 was not found');
  });

  it('takes the kind of centre from the register; a kind the caller states must be that one', () => {
    given().when({ ...allocate, centreKind: 'tambonCentre' }).then(allocated());
    expect(issuesOf(given().when({ ...allocate, centreKind: 'communityCentre' }).events)).toEqual([
      { field: 'centreKind', message: 'must be tambonCentre, the kind of centre tc-400101 on the register' },
    ]);
  });

  it('is refused for a closed centre', () => {
    given()
      .when({ ...allocate, centre: { centreId: 'tc-400101', kind: 'tambonCentre', status: 'closed' } })
      .thenThrows(IllegalStateError, 'centre tc-400101 is closed: no budget can be allocated to it');
  });

  it('is refused for a programme never defined', () => {
    given().when({ ...allocate, programme: null }).thenThrows(NotFoundError, 'programme family-grant was not found');
  });

  it('is refused for a closed programme', () => {
    const closed = { ...familyGrant, status: 'closed' as const };
    given().when({ ...allocate, programme: closed }).thenThrows(IllegalStateError, 'programme family-grant is closed');
  });

  it.each([
    [0, 'must be more than 0'],
    [-1, 'must be more than 0'],
    [0.5, 'must be whole satang'],
    [100_000_000_000_01, 'must not exceed 10,000,000,000,000 satang (100,000,000,000.00 baht)'],
  ])('refuses an amount of %p', (amount, message) => {
    expect(issuesOf(given().when({ ...allocate, amount }).events)).toEqual([{ field: 'amount', message }]);
  });

  it('refuses a Christian-era year for a fiscal year', () => {
    expect(issuesOf(given().when({ ...allocate, fiscalYear: 2022 }).events)).toEqual([
      { field: 'fiscalYear', message: 'must be a Buddhist-era year such as 2565' },
    ]);
  });

  it('names every field at fault at once', () => {
    expect(fieldsOf(given().when({ ...allocate, allocatedBy: '', amount: -5, allocatedAt: 'today' }).events)).toEqual([
      'allocatedBy',
      'amount',
      'allocatedAt',
    ]);
  });
});
