import { reservationReleaseReasons } from '@khu-siao/contracts';
import { IllegalStateError, InvalidCommandError, NotFoundError, type Decider } from '@khu-siao/decider';
import { refuseIfAny, textIssues } from '@khu-siao/decider';
import { fiscalYearAt, fiscalYearName, fiscalYearRange, isFiscalYear } from '../fiscal-year/fiscal-year';
import { instantIssues, thaiDateOf } from '../fiscal-year/thai-time';
import { amountIssues, maxBudgetAmount, maxGrantAmount, satangText, type Satang } from '../money/satang';
import type { BudgetEvent } from '../welfare-events';
import { availableOf, budgetIdFor, evolveBudget, initialBudgetState, type Budget, type BudgetState } from './budget';
import type { AllocateBudget, BudgetCommand, ReleaseReservation, ReserveBudget, TopUpBudget, WithdrawFromBudget } from './commands';

function decide(command: BudgetCommand, state: BudgetState): BudgetEvent[] {
  switch (command.type) {
    case 'AllocateBudget':
      return allocate(command, state);
    case 'TopUpBudget':
      return topUp(command, allocated(state, command.budgetId));
    case 'WithdrawFromBudget':
      return withdraw(command, allocated(state, command.budgetId));
    case 'ReserveBudget':
      return reserve(command, allocated(state, command.budgetId));
    case 'ReleaseReservation':
      return release(command, allocated(state, command.budgetId));
    default: {
      const unknown: never = command;
      const type = String((unknown as { type?: unknown }).type);
      throw new InvalidCommandError([{ field: 'type', message: `is not a budget command: ${type}` }]);
    }
  }
}

export const budgetDecider: Decider<BudgetCommand, BudgetEvent, BudgetState> = {
  initialState: initialBudgetState,
  decide,
  evolve: evolveBudget,
};

function allocated(state: BudgetState, budgetId: string): Budget {
  if (state.status === 'unallocated') throw new NotFoundError('budget', budgetId);
  return state;
}

/** "budget FY2565 of centre tc-400101": how a budget is named in refusals. */
function nameOf(budget: Pick<Budget, 'fiscalYear' | 'centreId'>): string {
  return `budget ${fiscalYearName(budget.fiscalYear)} of centre ${budget.centreId}`;
}

function allocate(command: AllocateBudget, state: BudgetState): BudgetEvent[] {
  const { centreId, centre, fiscalYear, programmeId, programme, amount, allocatedBy, allocatedAt } = command;
  refuseIfAny([
    ...textIssues({ centreId, programmeId, allocatedBy }, 200),
    ...(isFiscalYear(fiscalYear) ? [] : [{ field: 'fiscalYear', message: 'must be a Buddhist-era year such as 2565' }]),
    ...amountIssues('amount', amount, maxBudgetAmount),
    ...instantIssues({ allocatedAt }),
  ]);
  if (!centre) throw new NotFoundError('centre', centreId);
  if (command.centreKind !== undefined && command.centreKind !== centre.kind) {
    throw new InvalidCommandError([{ field: 'centreKind', message: `must be ${centre.kind}, the kind of centre ${centreId} on the register` }]);
  }
  if (centre.status === 'closed') throw new IllegalStateError(`centre ${centreId} is closed: no budget can be allocated to it`);
  if (!programme) throw new NotFoundError('programme', programmeId);
  if (programme.status === 'closed') throw new IllegalStateError(`programme ${programmeId} is closed: no budget can be allocated to it`);
  if (state.status !== 'unallocated') {
    throw new IllegalStateError(`${nameOf(state)} for programme ${programmeId} is already allocated: top it up instead`);
  }
  const budgetId = budgetIdFor({ centreId, fiscalYear, programmeId });
  return [
    {
      type: 'BudgetAllocated',
      data: { budgetId, centreId, centreKind: centre.kind, fiscalYear, programmeId, amount, allocatedBy, allocatedAt },
    },
  ];
}

function movementIssues(command: TopUpBudget | WithdrawFromBudget) {
  return [
    ...amountIssues('amount', command.amount, maxBudgetAmount),
    ...textIssues({ reason: command.reason }),
    ...textIssues({ by: command.by }, 200),
    ...instantIssues({ at: command.at }),
  ];
}

function topUp(command: TopUpBudget, budget: Budget): BudgetEvent[] {
  refuseIfAny(movementIssues(command));
  // The contracts cap any amount, a budget's funds included: past that, the figure is a slip, not money.
  if (budget.funded + command.amount > maxBudgetAmount) {
    throw new InvalidCommandError([{ field: 'amount', message: `would take the budget past ${satangText(maxBudgetAmount)} satang` }]);
  }
  const { amount, reason, by, at } = command;
  return [{ type: 'BudgetToppedUp', data: { budgetId: budget.budgetId, amount, reason, by, at } }];
}

function withdraw(command: WithdrawFromBudget, budget: Budget): BudgetEvent[] {
  refuseIfAny(movementIssues(command));
  refuseIfShort(budget, command.amount, 'the withdrawal');
  const { amount, reason, by, at } = command;
  return [{ type: 'BudgetWithdrawn', data: { budgetId: budget.budgetId, amount, reason, by, at } }];
}

function reserve(command: ReserveBudget, budget: Budget): BudgetEvent[] {
  const { grantId, programmeId, centreId, amount, reservedAt } = command;
  refuseIfAny([
    ...textIssues({ grantId, programmeId, centreId }, 200),
    ...amountIssues('amount', amount, maxGrantAmount),
    ...instantIssues({ reservedAt }),
  ]);
  if (programmeId !== budget.programmeId) {
    throw new IllegalStateError(`${nameOf(budget)} is for programme ${budget.programmeId}, not ${programmeId}`);
  }
  if (centreId !== budget.centreId) throw new IllegalStateError(`${nameOf(budget)} cannot pay for centre ${centreId}`);
  if (budget.released.includes(grantId)) {
    throw new IllegalStateError(`the reservation of grant ${grantId} was released: a cancelled grant holds no budget again`);
  }
  const held = budget.reservations[grantId];
  // A retried grant (same id, same amount) finds its reservation made: nothing more to record.
  if (held === amount) return [];
  if (held !== undefined) throw new IllegalStateError(`grant ${grantId} already holds ${satangText(held)} satang of ${nameOf(budget)}`);
  if (fiscalYearAt(reservedAt) !== budget.fiscalYear) {
    const { from, to } = fiscalYearRange(budget.fiscalYear);
    throw new IllegalStateError(`${nameOf(budget)} covers ${from} to ${to}; the grant is dated ${thaiDateOf(reservedAt)}`);
  }
  refuseIfShort(budget, amount, 'the grant');
  return [{ type: 'BudgetReserved', data: { budgetId: budget.budgetId, grantId, amount, reservedAt } }];
}

function release(command: ReleaseReservation, budget: Budget): BudgetEvent[] {
  const { grantId, reason, releasedAt } = command;
  refuseIfAny([
    ...textIssues({ grantId }, 200),
    ...(reservationReleaseReasons.includes(reason) ? [] : [{ field: 'reason', message: `must be one of ${reservationReleaseReasons.join(', ')}` }]),
    ...instantIssues({ releasedAt }),
  ]);
  const amount = budget.reservations[grantId];
  // Released already, or never made: either way nothing is held, so a redelivered release changes nothing.
  if (amount === undefined) return [];
  return [{ type: 'BudgetReservationReleased', data: { budgetId: budget.budgetId, grantId, amount, reason, releasedAt } }];
}

/** The one rule the budget exists for: nothing takes it below zero. */
function refuseIfShort(budget: Budget, needed: Satang, what: string): void {
  const left = availableOf(budget);
  if (needed > left) throw new IllegalStateError(`${nameOf(budget)} has ${satangText(left)} satang left, ${what} needs ${satangText(needed)}`);
}
