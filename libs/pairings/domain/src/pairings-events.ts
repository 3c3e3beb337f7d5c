import type {
  DomainEventOf,
  householdPairingEvents,
  officialEvents,
  partnerEvents,
  teamEvents,
  visitEvents,
} from '@khu-siao/contracts';


// Derived from the contract's lists, so an event added there must be handled here before anything compiles.
export type OfficialEvent = DomainEventOf<(typeof officialEvents)[number]>;
export type PairingEvent = DomainEventOf<(typeof householdPairingEvents)[number]>;
export type VisitEvent = DomainEventOf<(typeof visitEvents)[number]>;
export type TeamEvent = DomainEventOf<(typeof teamEvents)[number]>;
export type PartnerEvent = DomainEventOf<(typeof partnerEvents)[number]>;

/** Everything the context records. */
export type PairingsEvent = OfficialEvent | PairingEvent | VisitEvent | TeamEvent | PartnerEvent;
export type PairingsEventOfType<TType extends PairingsEvent['type']> = Extract<PairingsEvent, { type: TType }>;
