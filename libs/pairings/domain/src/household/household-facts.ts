import { IllegalStateError, NotFoundError } from '@khu-siao/decider';

/**
 * What the pairings context knows of a household, learnt from the households service's events and handed to
 * `decide` inside the command: `null` when no such household has been registered. `erased`: its personal data was
 * erased on request (PDPA), which ends its case.
 */
export interface KnownHousehold {
  readonly status: 'active' | 'graduated' | 'closed' | 'erased';
}

/** A household that is registered and whose case is open: the only kind a buddy or a pledge can be given to. */
export function requireOpenHousehold(householdId: string, household: KnownHousehold | null): void {
  requireUnerasedHousehold(householdId, household);
  if (household.status === 'graduated') throw new IllegalStateError(`household ${householdId} has graduated: its case is finished`);
  if (household.status === 'closed') throw new IllegalStateError(`household ${householdId}'s case is closed`);
}

/** A household that exists and whose data was not erased: nothing new is recorded of an erased household. */
export function requireUnerasedHousehold(householdId: string, household: KnownHousehold | null): asserts household is KnownHousehold {
  if (household === null) throw new NotFoundError('household', householdId);
  if (household.status === 'erased') throw new IllegalStateError(`household ${householdId}'s data was erased: its case is ended`);
}
