export type { OfficialEvent, PairingEvent, PairingsEvent, PairingsEventOfType, PartnerEvent, TeamEvent, VisitEvent } from './pairings-events';
export type { KnownHousehold } from './household/household-facts';
export type { CalendarDate } from '@khu-siao/decider';

export { officialDecider } from './official/business-logic';
export type * from './official/commands';
export { defaultCaseloadLimit, type Agency, type AgencyKind, type CaseloadPlace, type Official, type OfficialContact, type OfficialState } from './official/official';

export { pairingDecider } from './pairing/business-logic';
export type * from './pairing/commands';
export { pairingHistory, type EndedPairing, type HouseholdPairings, type Pairing } from './pairing/pairing';
export {
  pairingProtocol,
  type BuddyChange,
  type CaseloadPlaceRef,
  type PairingProtocolOutcome,
  type PairingProtocolState,
  type PairingProtocolStep,
} from './pairing/pairing-protocol.process';

export { visitDecider } from './visit/business-logic';
export type * from './visit/commands';
export type { ClearVisitEvent, Correction, GeoPoint, HelpGiven, RecordedText, RecordedVisitDetails, Visit, VisitDetails, VisitState } from './visit/visit';
export {
  openVisitDetails,
  openVisitEvent,
  sealVisitEvent,
  type ErasedText,
  type SealedVisitCorrected,
  type SealedVisitDetails,
  type SealedVisitEvent,
  type SealedVisitLogged,
} from './visit/personal-data';

export { teamDecider } from './team/business-logic';
export type * from './team/commands';
export type { Team, TeamArea, TeamKind, TeamMember, TeamRole, TeamState } from './team/team';

export { partnerDecider } from './partner/business-logic';
export type * from './partner/commands';
export type { Partner, PartnerSector, PartnerState, Pledge, Support, SupportKind } from './partner/partner';
