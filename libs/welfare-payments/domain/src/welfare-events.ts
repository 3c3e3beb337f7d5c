import type { budgetEvents, DataOf, EventDefinition, grantEvents, programmeEvents } from '@khu-siao/contracts';

/** An event as `decide` emits it and `evolve` reads it: the application layer wraps it in an envelope. */
type EventFrom<TDefinition> =
  TDefinition extends EventDefinition<infer TType> ? { readonly type: TType; readonly data: DataOf<TDefinition> } : never;

// Derived from the contract's lists, so an event added there must be handled here before anything compiles.
export type ProgrammeEvent = EventFrom<(typeof programmeEvents)[number]>;
export type BudgetEvent = EventFrom<(typeof budgetEvents)[number]>;
export type GrantEvent = EventFrom<(typeof grantEvents)[number]>;

/** Everything the context records; the read models (ledger, reconciliation, history) fold lists of these. */
export type WelfareEvent = ProgrammeEvent | BudgetEvent | GrantEvent;
export type WelfareEventOfType<TType extends WelfareEvent['type']> = Extract<WelfareEvent, { type: TType }>;
