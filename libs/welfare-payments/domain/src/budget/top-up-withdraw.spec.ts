import { IllegalStateError, InvalidCommandError, NotFoundError } from '@khu-siao/decider';
import { fieldsOf } from '@khu-siao/decider/testing';
import { allocated, budgetId, given, movement, reserved } from './budget.examples';

describe('topping up a budget', () => {
  it('records the top-up with its reason', () => {
    given(allocated())
      .when({ type: 'TopUpBudget', ...movement, amount: 600_000 })
      .then({ type: 'BudgetToppedUp', data: { ...movement, amount: 600_000 } });
  });

  it('is refused for a budget never allocated', () => {
    given().when({ type: 'TopUpBudget', ...movement, amount: 600_000 }).thenThrows(NotFoundError, `budget ${budgetId} was not found`);
  });

  it('needs a reason and a whole positive amount', () => {
    expect(fieldsOf(given(allocated()).when({ type: 'TopUpBudget', ...movement, reason: ' ', amount: 1.5 }).events)).toEqual(['amount', 'reason']);
  });

  it('refuses to take the budget past the ceiling of any amount', () => {
    given(allocated(100_000_000_000_00))
      .when({ type: 'TopUpBudget', ...movement, amount: 1 })
      .thenThrows(InvalidCommandError, 'amount would take the budget past 10,000,000,000,000 satang');
  });
});

describe('withdrawing from a budget', () => {
  it('records the withdrawal with its reason', () => {
    given(allocated())
      .when({ type: 'WithdrawFromBudget', ...movement, amount: 15_000_000 })
      .then({ type: 'BudgetWithdrawn', data: { ...movement, amount: 15_000_000 } });
  });

  it('may not take what grants hold', () => {
    given(allocated(), reserved('g-1'))
      .when({ type: 'WithdrawFromBudget', ...movement, amount: 15_000_000 })
      .thenThrows(IllegalStateError, 'budget FY2565 of centre tc-400101 has 14,700,000 satang left, the withdrawal needs 15,000,000');
  });

  it('may take what a cancelled grant released', () => {
    given(allocated(), reserved('g-1'), { type: 'BudgetReservationReleased', data: { budgetId, grantId: 'g-1', amount: 300_000, reason: 'grantCancelled', releasedAt: '2022-02-01T10:00:00+07:00' } })
      .when({ type: 'WithdrawFromBudget', ...movement, amount: 15_000_000 })
      .then({ type: 'BudgetWithdrawn', data: { ...movement, amount: 15_000_000 } });
  });

  it('counts top-ups and earlier withdrawals', () => {
    const toppedUp = { type: 'BudgetToppedUp' as const, data: { ...movement, amount: 300_000 } };
    const withdrawn = { type: 'BudgetWithdrawn' as const, data: { ...movement, amount: 15_000_000 } };
    given(allocated(), toppedUp, withdrawn)
      .when({ type: 'WithdrawFromBudget', ...movement, amount: 300_001 })
      .thenThrows(IllegalStateError, 'has 300,000 satang left, the withdrawal needs 300,001');
  });

  it('is refused for a budget never allocated', () => {
    given().when({ type: 'WithdrawFromBudget', ...movement, amount: 1 }).thenThrows(NotFoundError);
  });

  it('needs a reason and a whole positive amount', () => {
    expect(fieldsOf(given(allocated()).when({ type: 'WithdrawFromBudget', ...movement, reason: '', amount: 0 }).events)).toEqual(['amount', 'reason']);
  });
});
