import { processSpecificationFor } from '@khu-siao/decider/testing';
import { pairingProtocol, type BuddyChange, type PairingProtocolOutcome } from './pairing-protocol.process';

const { given } = processSpecificationFor(pairingProtocol);

const requestedBy = { kind: 'person', id: 'officer-4001' } as const;
const pairing: BuddyChange = { kind: 'pair', changeId: 'p-2', householdId: 'hh-1', officialId: 'official-9', on: '2020-03-01', requestedBy };
const reassignment: BuddyChange = { ...pairing, kind: 'reassign', reason: 'transferred to Bangkok' };
const unpairing: BuddyChange = { kind: 'unpair', changeId: 'u-1', householdId: 'hh-1', on: '2020-03-01', reason: 'family moved', requestedBy };

const newPlace = { officialId: 'official-9', pairingId: 'p-2' };
const previousPlace = { officialId: 'official-7', pairingId: 'p-1' };
const accepted: PairingProtocolOutcome = { type: 'householdAccepts' };
const taken: PairingProtocolOutcome = { type: 'placeTaken' };
const alreadyPaired = { kind: 'illegalState', message: 'household hh-1 already has a buddy, official official-3: reassign it instead' } as const;
const atLimit = { kind: 'illegalState', message: "official official-9 already carries 2 households, the province's limit of 2" } as const;

describe('the pairing protocol', () => {
  describe('pairing a household', () => {
    it('decides on the household first, before anything is written', () => {
      given(pairing).thenNext({ type: 'checkHousehold' });
    });

    it('ends at a refusal of the household, with nothing to undo', () => {
      given(pairing, { type: 'householdRefuses', refusal: alreadyPaired }).thenEnds({ refusal: alreadyPaired, placeTaken: false, released: [] });
    });

    it("then takes the new official's caseload place", () => {
      given(pairing, accepted).thenNext({ type: 'takePlace', place: newPlace });
    });

    it('ends at a refusal of the place (the caseload limit, an unknown official), with nothing to undo', () => {
      given(pairing, accepted, { type: 'placeRefused', refusal: atLimit }).thenEnds({ refusal: atLimit, placeTaken: false });
    });

    it("records the pairing on the household's stream once the place is held", () => {
      given(pairing, accepted, taken).thenNext({ type: 'recordPairing' });
    });

    it('ends once the pairing is recorded: no other place to release', () => {
      given(pairing, accepted, taken, { type: 'pairingRecorded', version: 1, ended: null }).thenEnds({ recorded: { version: 1, ended: null }, refusal: null });
    });

    it('gives the place back when the pairing is refused (another official got there first), then ends refused', () => {
      const lost: PairingProtocolOutcome = { type: 'pairingRefused', refusal: alreadyPaired };
      given(pairing, accepted, taken, lost).thenNext({ type: 'releasePlace', place: newPlace, reason: 'pairingNeverRecorded' });
      given(pairing, accepted, taken, lost, { type: 'placeReleased', reason: 'pairingNeverRecorded' }).thenEnds({ refusal: alreadyPaired, recorded: null });
    });
  });

  describe('reassigning a household', () => {
    it('takes the new place first, then records the reassignment', () => {
      given(reassignment).thenNext({ type: 'checkHousehold' });
      given(reassignment, accepted).thenNext({ type: 'takePlace', place: newPlace });
      given(reassignment, accepted, taken).thenNext({ type: 'recordPairing' });
    });

    it("releases the previous official's place once the reassignment is recorded, then ends", () => {
      const recorded: PairingProtocolOutcome = { type: 'pairingRecorded', version: 3, ended: previousPlace };
      given(reassignment, accepted, taken, recorded).thenNext({ type: 'releasePlace', place: previousPlace, reason: 'reassigned' });
      given(reassignment, accepted, taken, recorded, { type: 'placeReleased', reason: 'reassigned' }).thenEnds({ recorded: { version: 3, ended: previousPlace } });
    });

    it('gives the new place back when the reassignment is refused, and leaves the previous one alone', () => {
      const refused: PairingProtocolOutcome = { type: 'pairingRefused', refusal: { kind: 'illegalState', message: "household hh-1's case is closed" } };
      given(reassignment, accepted, taken, refused).thenNext({ type: 'releasePlace', place: newPlace, reason: 'pairingNeverRecorded' });
      given(reassignment, accepted, taken, refused, { type: 'placeReleased', reason: 'pairingNeverRecorded' }).thenEnds({ released: ['pairingNeverRecorded'] });
    });
  });

  describe('unpairing a household', () => {
    it('records the end on the household first: there is no place to take', () => {
      given(unpairing).thenNext({ type: 'recordPairing' });
    });

    it("releases the ended pairing's place, then ends", () => {
      const recorded: PairingProtocolOutcome = { type: 'pairingRecorded', version: 4, ended: previousPlace };
      given(unpairing, recorded).thenNext({ type: 'releasePlace', place: previousPlace, reason: 'unpaired' });
      given(unpairing, recorded, { type: 'placeReleased', reason: 'unpaired' }).thenEnds({ released: ['unpaired'] });
    });

    it('ends at a refusal (no buddy to unpair), with nothing written', () => {
      const refusal = { kind: 'illegalState', message: 'household hh-1 has no buddy to unpair' } as const;
      given(unpairing, { type: 'pairingRefused', refusal }).thenEnds({ refusal, released: [] });
    });
  });

  it('ends even when the place to release was never held: there is nothing to give back', () => {
    const recorded: PairingProtocolOutcome = { type: 'pairingRecorded', version: 4, ended: previousPlace };
    const neverHeld = { kind: 'notFound', resource: 'caseload place', id: 'p-1' } as const;
    given(unpairing, recorded, { type: 'placeReleased', reason: 'unpaired', refusal: neverHeld }).thenEnds({ released: ['unpaired'] });
  });
});
