import type {
  DataOf,
  EventDefinition,
  householdPairingEvents,
  officialEvents,
  partnerEvents,
  teamEvents,
  visitEvents,
} from '@khu-siao/contracts';

/** An event as `decide` emits it and `evolve` reads it: the application layer wraps it in an envelope. */
type EventFrom<TDefinition> =
  TDefinition extends EventDefinition<infer TType> ? { readonly type: TType; readonly data: DataOf<TDefinition> } : never;

// Derived from the contract's lists, so an event added there must be handled here before anything compiles.
export type OfficialEvent = EventFrom<(typeof officialEvents)[number]>;
export type PairingEvent = EventFrom<(typeof householdPairingEvents)[number]>;
export type VisitEvent = EventFrom<(typeof visitEvents)[number]>;
export type TeamEvent = EventFrom<(typeof teamEvents)[number]>;
export type PartnerEvent = EventFrom<(typeof partnerEvents)[number]>;

/** Everything the context records. */
export type PairingsEvent = OfficialEvent | PairingEvent | VisitEvent | TeamEvent | PartnerEvent;
export type PairingsEventOfType<TType extends PairingsEvent['type']> = Extract<PairingsEvent, { type: TType }>;
