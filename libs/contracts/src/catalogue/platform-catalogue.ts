import { householdEvents } from '../households/household-events';
import { pairingEvents } from '../pairings/pairing-events';
import { assistanceEvents } from '../welfare-payments/assistance-events';
import { centreEvents } from '../welfare-payments/centre-events';
import { EventCatalogue, type CatalogueEvent } from './event-catalogue';

const platformEvents = [...householdEvents, ...pairingEvents, ...assistanceEvents, ...centreEvents] as const;

/** Every event the four services exchange. */
export const platformCatalogue = new EventCatalogue(platformEvents);
export type PlatformEvent = CatalogueEvent<typeof platformEvents>;
export type PlatformEventType = PlatformEvent['type'];
