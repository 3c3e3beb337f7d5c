import { streamOf } from '@khu-siao/event-store';
import type { StoredHouseholdEvent } from '@khu-siao/households-domain';

/** Where a household's events live, typed as the contract stores them (personal fields sealed). */
export const householdStream = (householdId: string) => streamOf<StoredHouseholdEvent>('household', householdId);
