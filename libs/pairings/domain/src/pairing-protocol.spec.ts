import { fold, IllegalStateError, type Decider } from '@khu-siao/decider';
// Through the public API only, the way the application layer will drive it.
import {
  officialDecider,
  pairingDecider,
  pairingHistory,
  type OfficialCommand,
  type OfficialEvent,
  type PairingCommand,
  type PairingEvent,
} from './index';
import { enrolled } from './official/official.examples';

/** Streams with optimistic concurrency, as the event store keeps them: an append names the version it decided on. */
class Streams {
  private readonly streams = new Map<string, unknown[]>();

  read<TEvent>(streamId: string): TEvent[] {
    return [...((this.streams.get(streamId) ?? []) as TEvent[])];
  }

  append(streamId: string, expectedVersion: number, events: readonly unknown[]): void {
    const stream = this.streams.get(streamId) ?? [];
    if (stream.length !== expectedVersion) throw new Error(`conflict on ${streamId}: at ${stream.length}, expected ${expectedVersion}`);
    this.streams.set(streamId, [...stream, ...events]);
  }
}

/** A decision taken on a stream at a version, not yet appended. */
function decideOn<C, E, S>(streams: Streams, streamId: string, decider: Decider<C, E, S>, command: C) {
  const history = streams.read<E>(streamId);
  return { streamId, version: history.length, events: decider.decide(command, fold(decider, history)) };
}

const pairCommand = (officialId: string, householdId: string): PairingCommand => ({
  type: 'PairHousehold',
  pairingId: `p-${householdId}-${officialId}`,
  householdId,
  officialId,
  pairedOn: '2019-10-01',
  household: { status: 'active' },
});

const takeOnCommand = (officialId: string, householdId: string): OfficialCommand => ({
  type: 'TakeOnHousehold',
  officialId,
  pairingId: `p-${householdId}-${officialId}`,
  householdId,
  takenOn: '2019-10-01',
});

/** The order `pairing/business-logic.ts` prescribes: decide both, take the official's place, then record the pairing. */
function decidePairing(streams: Streams, officialId: string, householdId: string) {
  const onHousehold = decideOn(streams, `pairing-${householdId}`, pairingDecider, pairCommand(officialId, householdId));
  const onOfficial = decideOn(streams, `official-${officialId}`, officialDecider, takeOnCommand(officialId, householdId));
  return { onHousehold, onOfficial };
}

function appendDecision(streams: Streams, decision: { streamId: string; version: number; events: readonly unknown[] }) {
  streams.append(decision.streamId, decision.version, decision.events);
}

describe('pairing across the official and the household streams', () => {
  let streams: Streams;
  beforeEach(() => {
    streams = new Streams();
    for (const officialId of ['official-7', 'official-9']) {
      streams.append(`official-${officialId}`, 0, [{ ...enrolled, data: { ...enrolled.data, officialId } }]);
    }
  });

  it("refuses a third household to an official whose limit is 2, naming the limit, and writes nothing for it", () => {
    for (const householdId of ['hh-1', 'hh-2']) {
      const { onHousehold, onOfficial } = decidePairing(streams, 'official-7', householdId);
      appendDecision(streams, onOfficial);
      appendDecision(streams, onHousehold);
    }
    expect(() => decidePairing(streams, 'official-7', 'hh-3')).toThrow(
      new IllegalStateError("official official-7 already carries 2 households, the province's limit of 2"),
    );
    expect(streams.read('pairing-hh-3')).toEqual([]);
  });

  it('lets exactly one of two officials pairing the same household at the same time win', () => {
    const first = decidePairing(streams, 'official-7', 'hh-1');
    const second = decidePairing(streams, 'official-9', 'hh-1');
    appendDecision(streams, first.onOfficial);
    appendDecision(streams, second.onOfficial);
    appendDecision(streams, first.onHousehold);
    expect(() => appendDecision(streams, second.onHousehold)).toThrow('conflict on pairing-hh-1');

    // The loser re-decides on the newer version, is refused, and gives its place back.
    expect(() => decideOn(streams, 'pairing-hh-1', pairingDecider, pairCommand('official-9', 'hh-1'))).toThrow(
      'household hh-1 already has a buddy, official official-7',
    );
    const release: OfficialCommand = { type: 'ReleaseHousehold', officialId: 'official-9', pairingId: 'p-hh-1-official-9', releasedOn: '2019-10-01', reason: 'pairingNeverRecorded' };
    appendDecision(streams, decideOn(streams, 'official-official-9', officialDecider, release));

    expect(pairingHistory(fold(pairingDecider, streams.read<PairingEvent>('pairing-hh-1')))).toEqual([
      { pairingId: 'p-hh-1-official-7', officialId: 'official-7', pairedOn: '2019-10-01' },
    ]);
    expect(fold(officialDecider, streams.read<OfficialEvent>('official-official-9'))).toMatchObject({ caseload: [] });
    expect(fold(officialDecider, streams.read<OfficialEvent>('official-official-7'))).toMatchObject({ caseload: [{ householdId: 'hh-1' }] });
  });

  it('keeps the full history through a reassignment, and moves the caseload place', () => {
    const { onHousehold, onOfficial } = decidePairing(streams, 'official-7', 'hh-1');
    appendDecision(streams, onOfficial);
    appendDecision(streams, onHousehold);

    const reassignment: PairingCommand = {
      type: 'ReassignBuddy',
      householdId: 'hh-1',
      pairingId: 'p-hh-1-official-9',
      officialId: 'official-9',
      reassignedOn: '2020-03-01',
      reason: 'transferred to Bangkok',
      household: { status: 'active' },
    };
    const toHousehold = decideOn(streams, 'pairing-hh-1', pairingDecider, reassignment);
    const toNew = decideOn(streams, 'official-official-9', officialDecider, { ...takeOnCommand('official-9', 'hh-1'), takenOn: '2020-03-01' });
    appendDecision(streams, toNew);
    appendDecision(streams, toHousehold);
    const release: OfficialCommand = { type: 'ReleaseHousehold', officialId: 'official-7', pairingId: 'p-hh-1-official-7', releasedOn: '2020-03-01', reason: 'reassigned' };
    appendDecision(streams, decideOn(streams, 'official-official-7', officialDecider, release));

    expect(streams.read<PairingEvent>('pairing-hh-1').map((event) => event.type)).toEqual(['HouseholdPaired', 'HouseholdUnpaired', 'HouseholdPaired']);
    expect(pairingHistory(fold(pairingDecider, streams.read<PairingEvent>('pairing-hh-1')))).toEqual([
      { pairingId: 'p-hh-1-official-7', officialId: 'official-7', pairedOn: '2019-10-01', unpairedOn: '2020-03-01', reason: 'transferred to Bangkok' },
      { pairingId: 'p-hh-1-official-9', officialId: 'official-9', pairedOn: '2020-03-01', replacesPairingId: 'p-hh-1-official-7' },
    ]);
    expect(fold(officialDecider, streams.read<OfficialEvent>('official-official-7'))).toMatchObject({ caseload: [] });
    expect(fold(officialDecider, streams.read<OfficialEvent>('official-official-9'))).toMatchObject({ caseload: [{ householdId: 'hh-1' }] });
  });
});
