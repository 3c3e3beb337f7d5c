import type { reservationReleaseReasons } from '@khu-siao/contracts';
import type { FiscalYear } from '../fiscal-year/fiscal-year';
import type { Instant } from '../fiscal-year/thai-time';
import type { Satang } from '../money/satang';
import type { ProgrammeFacts } from '../programme/programme';
import type { CentreFacts } from '../centre/centre';

/** Opens the budget stream `budgetIdFor({ centreId, fiscalYear, programmeId })`. */
export interface AllocateBudget {
  readonly type: 'AllocateBudget';
  readonly centreId: string;
  /** The centre as the application found it in the centre register; null when it is not there. */
  readonly centre: CentreFacts | null;
  /** The kind the caller states, if any (clients written before the register): it must be the registered kind. */
  readonly centreKind?: CentreFacts['kind'];
  /** Buddhist era, the year the fiscal year ends in: 2565. */
  readonly fiscalYear: FiscalYear;
  readonly programmeId: string;
  readonly programme: ProgrammeFacts | null;
  readonly amount: Satang;
  readonly allocatedBy: string;
  readonly allocatedAt: Instant;
}

interface BudgetMovement {
  readonly budgetId: string;
  readonly amount: Satang;
  readonly reason: string;
  readonly by: string;
  readonly at: Instant;
}

export interface TopUpBudget extends BudgetMovement {
  readonly type: 'TopUpBudget';
}

export interface WithdrawFromBudget extends BudgetMovement {
  readonly type: 'WithdrawFromBudget';
}

/** Asked by the application before it records a grant; idempotent by grant id, so a retried grant reserves once. */
export interface ReserveBudget {
  readonly type: 'ReserveBudget';
  readonly budgetId: string;
  readonly grantId: string;
  readonly programmeId: string;
  readonly centreId: string;
  readonly amount: Satang;
  /** The grant's time: it must fall in the budget's fiscal year. */
  readonly reservedAt: Instant;
}

/** Asked after a grant is cancelled, or to clear a reservation whose grant was never recorded; idempotent. */
export interface ReleaseReservation {
  readonly type: 'ReleaseReservation';
  readonly budgetId: string;
  readonly grantId: string;
  readonly reason: (typeof reservationReleaseReasons)[number];
  readonly releasedAt: Instant;
}

export type BudgetCommand = AllocateBudget | TopUpBudget | WithdrawFromBudget | ReserveBudget | ReleaseReservation;
