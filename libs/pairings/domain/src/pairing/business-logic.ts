import { IllegalStateError, InvalidCommandError, type Decider } from '@khu-siao/decider';
import { calendarDateIssues } from '@khu-siao/decider';
import { refuseIfAny, textIssues } from '@khu-siao/decider';
import { requireOpenHousehold } from '../household/household-facts';
import type { PairingEvent } from '../pairings-events';
import type { PairHousehold, PairingCommand, ReassignBuddy, UnpairHousehold } from './commands';
import { evolvePairing, initialPairingState, pairingHistory, type HouseholdPairings, type Pairing } from './pairing';

/*
 * Two rules span two aggregates and the store has no multi-stream transaction, so each rule lives on one stream:
 *
 * - "At most N households per official" is the official's stream (`officialDecider`, TakeOnHousehold).
 * - "One buddy at a time" is the household's pairing stream (this decider).
 *
 * The protocol that joins them — decide on the household, take the official's place, record the pairing, give the
 * place back if the pairing is refused, release the previous official's place after a reassignment or an
 * unpairing — is a process of its own (`pairing-protocol.process.ts`), whose every step is recorded before the
 * next, so that a crash between two appends is completed or compensated when the service starts again. Of two
 * officials pairing one household at once exactly one append to the household's stream wins: the other re-decides
 * on the newer version, is refused, and gives its place back.
 */
function decide(command: PairingCommand, state: HouseholdPairings): PairingEvent[] {
  switch (command.type) {
    case 'PairHousehold':
      return pair(command, state);
    case 'ReassignBuddy':
      return reassign(command, state);
    case 'UnpairHousehold':
      return unpair(command, state);
    default: {
      const unknown: never = command;
      const type = String((unknown as { type?: unknown }).type);
      throw new InvalidCommandError([{ field: 'type', message: `is not a pairing command: ${type}` }]);
    }
  }
}

export const pairingDecider: Decider<PairingCommand, PairingEvent, HouseholdPairings> = {
  initialState: initialPairingState,
  decide,
  evolve: evolvePairing,
};

function pair(command: PairHousehold, state: HouseholdPairings): PairingEvent[] {
  const { pairingId, householdId, officialId, pairedOn } = command;
  refuseIfAny([...textIssues({ pairingId, householdId, officialId }, 200), ...startIssues('pairedOn', pairedOn, state)]);
  // A retry of the pairing that is in force (appended, the reply lost): nothing more to do.
  if (state.current?.pairingId === pairingId && state.current.officialId === officialId) return [];
  requireOpenHousehold(householdId, command.household);
  const { current } = state;
  if (current?.officialId === officialId) throw new IllegalStateError(`household ${householdId} is already paired with official ${officialId}`);
  if (current) {
    throw new IllegalStateError(`household ${householdId} already has a buddy, official ${current.officialId}: reassign it instead`);
  }
  refuseReusedPairingId(pairingId, state);
  return [{ type: 'HouseholdPaired', data: { pairingId, householdId, officialId, pairedOn } }];
}

function reassign(command: ReassignBuddy, state: HouseholdPairings): PairingEvent[] {
  const { pairingId, householdId, officialId, reassignedOn, reason } = command;
  refuseIfAny([
    ...textIssues({ pairingId, householdId, officialId }, 200),
    ...textIssues({ reason }),
    ...startIssues('reassignedOn', reassignedOn, state),
  ]);
  requireOpenHousehold(householdId, command.household);
  const current = currentOf(state, householdId, 'to reassign: pair it instead');
  if (current.officialId === officialId) throw new IllegalStateError(`household ${householdId} is already paired with official ${officialId}`);
  refuseReusedPairingId(pairingId, state);
  return [
    unpaired(current, householdId, reassignedOn, reason),
    { type: 'HouseholdPaired', data: { pairingId, householdId, officialId, pairedOn: reassignedOn, replacesPairingId: current.pairingId } },
  ];
}

function unpair(command: UnpairHousehold, state: HouseholdPairings): PairingEvent[] {
  const { householdId, unpairedOn, reason } = command;
  refuseIfAny([...textIssues({ householdId }, 200), ...textIssues({ reason }), ...calendarDateIssues({ unpairedOn })]);
  const current = currentOf(state, householdId, 'to unpair');
  if (unpairedOn < current.pairedOn) {
    throw new InvalidCommandError([{ field: 'unpairedOn', message: 'must not precede the start of the pairing' }]);
  }
  return [unpaired(current, householdId, unpairedOn, reason)];
}

function unpaired(current: Pairing, householdId: string, unpairedOn: string, reason: string): PairingEvent {
  return { type: 'HouseholdUnpaired', data: { pairingId: current.pairingId, householdId, officialId: current.officialId, unpairedOn, reason } };
}

function currentOf(state: HouseholdPairings, householdId: string, purpose: string): Pairing {
  if (!state.current) throw new IllegalStateError(`household ${householdId} has no buddy ${purpose}`);
  return state.current;
}

/** A pairing starts on a real date, not before the household's previous pairing (or the current one) began or ended. */
function startIssues(field: string, date: string, state: HouseholdPairings) {
  const issues = calendarDateIssues({ [field]: date });
  const latest = pairingHistory(state).at(-1);
  const since = latest && ('unpairedOn' in latest ? latest.unpairedOn : latest.pairedOn);
  if (issues.length === 0 && since !== undefined && date < since) {
    issues.push({ field, message: "must not precede the household's latest pairing change" });
  }
  return issues;
}

function refuseReusedPairingId(pairingId: string, state: HouseholdPairings): void {
  if (pairingHistory(state).some((pairing) => pairing.pairingId === pairingId)) {
    throw new IllegalStateError(`pairing ${pairingId} was already used for this household`);
  }
}
