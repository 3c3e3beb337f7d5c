import { fold, IllegalStateError, NotFoundError } from '@khu-siao/decider';
import { fieldsOf, issuesOf } from '@khu-siao/decider/testing';
import type { BudgetEvent } from '../welfare-events';
import { availableOf, type Budget } from './budget';
import { allocated, budgetId, given, released, reserve, reserved } from './budget.examples';
import { budgetDecider } from './business-logic';

describe('reserving budget for a grant', () => {
  it('holds the grant amount', () => {
    given(allocated()).when(reserve('g-1')).then(reserved('g-1'));
  });

  it('may take the last satang', () => {
    given(allocated(300_000)).when(reserve('g-1')).then(reserved('g-1'));
  });

  it('refuses more than is left, saying how much is left and how much is needed', () => {
    given(allocated(450_000), reserved('g-1'))
      .when(reserve('g-2'))
      .thenThrows(IllegalStateError, 'budget FY2565 of centre tc-400101 has 150,000 satang left, the grant needs 300,000');
  });

  it('is idempotent by grant id: a retried grant reserves once', () => {
    given(allocated(), reserved('g-1')).when(reserve('g-1')).then();
  });

  it('refuses the same grant id for another amount', () => {
    given(allocated(), reserved('g-1'))
      .when(reserve('g-1', 400_000))
      .thenThrows(IllegalStateError, 'grant g-1 already holds 300,000 satang of budget FY2565 of centre tc-400101');
  });

  it('refuses a grant whose reservation was released', () => {
    given(allocated(), reserved('g-1'), released('g-1'))
      .when(reserve('g-1'))
      .thenThrows(IllegalStateError, 'the reservation of grant g-1 was released');
  });

  it('refuses a grant of another programme or another centre', () => {
    given(allocated())
      .when({ ...reserve('g-1'), programmeId: 'in-kind' })
      .thenThrows(IllegalStateError, 'budget FY2565 of centre tc-400101 is for programme family-grant, not in-kind');
    given(allocated()).when({ ...reserve('g-1'), centreId: 'tc-400102' }).thenThrows(IllegalStateError, 'cannot pay for centre tc-400102');
  });

  it('refuses a grant dated outside the fiscal year, by the date in Thailand', () => {
    given(allocated())
      .when({ ...reserve('g-1'), reservedAt: '2022-09-30T17:30:00Z' })
      .thenThrows(IllegalStateError, 'budget FY2565 of centre tc-400101 covers 2021-10-01 to 2022-09-30; the grant is dated 2022-10-01');
    given(allocated())
      .when({ ...reserve('g-1'), reservedAt: '2022-09-30T23:59:59+07:00' })
      .then({ ...reserved('g-1'), data: { ...reserved('g-1').data, reservedAt: '2022-09-30T23:59:59+07:00' } });
  });

  it('is refused for a budget never allocated', () => {
    given().when(reserve('g-1')).thenThrows(NotFoundError, `budget ${budgetId} was not found`);
  });

  it.each([
    [0, 'must be more than 0'],
    [-300_000, 'must be more than 0'],
    [299_999.5, 'must be whole satang'],
    [10_000_000_01, 'must not exceed 1,000,000,000 satang (10,000,000.00 baht)'],
  ])('refuses an amount of %p', (amount, message) => {
    expect(issuesOf(given(allocated()).when(reserve('g-1', amount)).events)).toEqual([{ field: 'amount', message }]);
  });

  it('names every field at fault at once', () => {
    expect(fieldsOf(given(allocated()).when({ ...reserve(''), reservedAt: 'now' }).events)).toEqual(['grantId', 'reservedAt']);
  });
});

describe('concurrent grants against one budget', () => {
  // The event store serialises appends to one stream by its expected version: a loser reloads and decides again.
  // Serialised, 20 grants of 3,000 baht against 45,000 baht: the 15 that fit are reserved, the 5 others refused.
  it('reserves the ones that fit, refuses the rest, and never goes below zero', () => {
    let history: BudgetEvent[] = [allocated(4_500_000)];
    const outcomes: string[] = [];
    for (let n = 1; n <= 20; n += 1) {
      try {
        history = [...history, ...budgetDecider.decide(reserve(`g-${n}`), fold(budgetDecider, history))];
        outcomes.push('reserved');
      } catch (error) {
        expect(error).toBeInstanceOf(IllegalStateError);
        outcomes.push('409');
      }
      expect(availableOf(fold(budgetDecider, history) as Budget)).toBeGreaterThanOrEqual(0);
    }
    expect(outcomes.filter((outcome) => outcome === 'reserved')).toHaveLength(15);
    expect(outcomes.slice(15)).toEqual(['409', '409', '409', '409', '409']);
    expect(availableOf(fold(budgetDecider, history) as Budget)).toBe(0);
  });
});

describe('releasing a reservation', () => {
  it('gives back what the grant held', () => {
    given(allocated(), reserved('g-1'))
      .when({ type: 'ReleaseReservation', budgetId, grantId: 'g-1', reason: 'grantCancelled', releasedAt: '2022-02-01T10:00:00+07:00' })
      .then(released('g-1'));
  });

  it('frees room for another grant', () => {
    given(allocated(300_000), reserved('g-1'), released('g-1')).when(reserve('g-2')).then(reserved('g-2'));
  });

  it('clears a reservation whose grant was never recorded', () => {
    const events = given(allocated(), reserved('g-1'))
      .when({ type: 'ReleaseReservation', budgetId, grantId: 'g-1', reason: 'grantNeverRecorded', releasedAt: '2022-02-01T10:00:00+07:00' })
      .events();
    expect(events).toEqual([{ ...released('g-1'), data: { ...released('g-1').data, reason: 'grantNeverRecorded' } }]);
  });

  it('is idempotent: a redelivered release, or one for a grant that held nothing, records nothing', () => {
    const release = { type: 'ReleaseReservation', budgetId, grantId: 'g-1', reason: 'grantCancelled', releasedAt: '2022-02-01T10:00:00+07:00' } as const;
    given(allocated(), reserved('g-1'), released('g-1')).when(release).then();
    given(allocated()).when(release).then();
  });

  it('refuses an unknown reason', () => {
    const release = { type: 'ReleaseReservation', budgetId, grantId: 'g-1', reason: 'whim' as never, releasedAt: '2022-02-01T10:00:00+07:00' } as const;
    expect(fieldsOf(given(allocated(), reserved('g-1')).when(release).events)).toEqual(['reason']);
  });

  it('is refused for a budget never allocated', () => {
    given()
      .when({ type: 'ReleaseReservation', budgetId, grantId: 'g-1', reason: 'grantCancelled', releasedAt: '2022-02-01T10:00:00+07:00' })
      .thenThrows(NotFoundError);
  });
});
