import type {
  DomainEventOf,
  householdPairingEvents,
  officialEvents,
  partnerEvents,
  teamEvents,
  visitEvents,
} from '@khu-siao/contracts';
import type { ClearVisitEvent } from './visit/visit';


// Derived from the contract's lists, so an event added there must be handled here before anything compiles.
export type OfficialEvent = DomainEventOf<(typeof officialEvents)[number]>;
export type PairingEvent = DomainEventOf<(typeof householdPairingEvents)[number]>;
/** The visit events with personal fields are the clear ones of the domain: the service seals them at the store. */
export type VisitEvent = ClearVisitEvent | Exclude<DomainEventOf<(typeof visitEvents)[number]>, { type: ClearVisitEvent['type'] }>;
export type TeamEvent = DomainEventOf<(typeof teamEvents)[number]>;
export type PartnerEvent = DomainEventOf<(typeof partnerEvents)[number]>;

/** Everything the context records. */
export type PairingsEvent = OfficialEvent | PairingEvent | VisitEvent | TeamEvent | PartnerEvent;
export type PairingsEventOfType<TType extends PairingsEvent['type']> = Extract<PairingsEvent, { type: TType }>;
