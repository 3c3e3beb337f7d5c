export type { BudgetEvent, CentreEvent, GrantEvent, ProgrammeEvent, WelfareEvent, WelfareEventOfType } from './welfare-events';

export { programmeDecider } from './programme/business-logic';
export type * from './programme/commands';
export { programmeFactsOf, type Programme, type ProgrammeFacts, type ProgrammeKind, type ProgrammeState, type RecipientKind } from './programme/programme';

export { centreDecider } from './centre/business-logic';
export type * from './centre/commands';
export { centreFactsOf, type Centre, type CentreFacts, type CentreKind, type CentreState } from './centre/centre';
export { centreAreaIssues } from './centre/khon-kaen-area';

export { budgetDecider } from './budget/business-logic';
export type * from './budget/commands';
export { availableOf, budgetIdFor, reservedOf, type Budget, type BudgetState } from './budget/budget';

export { grantBudgetId, grantDecider } from './grant/business-logic';
export type * from './grant/commands';
export { grantAward, grantAwardOf, type GrantAwardInput, type GrantAwardOutcome, type GrantAwardState, type GrantAwardStep } from './grant/grant-award.process';
export {
  grantCancellation,
  type GrantCancellationInput,
  type GrantCancellationOutcome,
  type GrantCancellationState,
  type GrantCancellationStep,
} from './grant/grant-cancellation.process';
export { attemptInFlight, paidAttempt, type Disbursement, type DisbursementMethod, type Grant, type GrantState, type Recipient } from './grant/grant';

export { centreLedger, type CentreLedger, type LedgerEntry, type LedgerEntryKind } from './ledger/centre-ledger';
export { reconciliation, type Period, type Reconciliation, type Tally } from './ledger/reconciliation';
export { householdAssistanceHistory } from './ledger/household-history';

export { fiscalYearAt, fiscalYearName, fiscalYearOf, fiscalYearRange, isFiscalYear, type FiscalYear } from './fiscal-year/fiscal-year';
export { thaiDateOf, thaiLongDate, type CalendarDate, type Instant } from './fiscal-year/thai-time';

export { amountInThaiWords } from './receipt/thai-words';
export { disbursementReceipt, type DisbursementReceipt } from './receipt/receipt';
export { bahtText, maxBudgetAmount, maxGrantAmount, type Satang } from './money/satang';
