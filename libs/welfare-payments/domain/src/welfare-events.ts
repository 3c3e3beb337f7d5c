import type { budgetEvents, centreEvents, DomainEventOf, grantEvents, programmeEvents } from '@khu-siao/contracts';

// Derived from the contract's lists, so an event added there must be handled here before anything compiles.
export type ProgrammeEvent = DomainEventOf<(typeof programmeEvents)[number]>;
export type BudgetEvent = DomainEventOf<(typeof budgetEvents)[number]>;
export type GrantEvent = DomainEventOf<(typeof grantEvents)[number]>;
/** The centre register; not a `WelfareEvent`, since no ledger or reconciliation folds it. */
export type CentreEvent = DomainEventOf<(typeof centreEvents)[number]>;

/** Everything the context records; the read models (ledger, reconciliation, history) fold lists of these. */
export type WelfareEvent = ProgrammeEvent | BudgetEvent | GrantEvent;
export type WelfareEventOfType<TType extends WelfareEvent['type']> = Extract<WelfareEvent, { type: TType }>;
