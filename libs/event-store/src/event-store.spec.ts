import { ContractViolation, platformCatalogue, VisitLogged, type EventMetadata } from '@khu-siao/contracts';
import { createTestContext, type TestContext } from '@khu-siao/testing';
import { EVENTS_COLLECTION, EventStore } from './event-store';
import { eventIdsFor, type PendingEvent } from './pending-event';
import { StreamConflictError } from './stream-conflict-error';

const metadata: EventMetadata = { correlationId: 'corr-1', causationId: null, actor: { kind: 'person', id: 'official-1' } };
const visitStream = (id: string) => ({ aggregateType: 'visit', aggregateId: id });

function visitLogged(visitId: string, eventId = eventIdsFor(1)[0]): PendingEvent {
  return {
    eventId,
    type: 'VisitLogged',
    metadata,
    occurredAt: '2022-01-20T10:00:00+07:00',
    data: {
      visitId,
      householdId: 'hh-1',
      officialIds: ['official-1'],
      visitedOn: '2022-01-20',
      processStep: 'care',
      dimensionsDiscussed: ['income'],
      needsFound: [],
      helpGiven: [],
      referrals: [],
    },
  };
}

describe('the event store', () => {
  let context: TestContext;
  let store: EventStore;

  beforeAll(async () => {
    context = await createTestContext('event-store');
    store = new EventStore(context.db, { catalogue: platformCatalogue });
    await store.ensureIndexes();
  });
  afterAll(() => context.close());

  it('lets exactly one of 20 concurrent appends at the same expected version win', async () => {
    const stream = visitStream('race');
    await store.append(stream, 0, [visitLogged('race')]);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, () => store.append(stream, 1, [visitLogged('race'), visitLogged('race')])),
    );
    const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const lost = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const outcome of lost) {
      expect(outcome.reason).toBeInstanceOf(StreamConflictError);
      expect(outcome.reason).toMatchObject({ expectedVersion: 1, actualVersion: 3 });
    }
    const { version, events } = await store.readStream(stream);
    expect(version).toBe(3);
    expect(events.map((event) => event.aggregateVersion)).toEqual([1, 2, 3]);
  });

  it('refuses an expected version that is stale, mid-commit or ahead of the stream', async () => {
    const stream = visitStream('versions');
    await store.append(stream, 0, [visitLogged('versions'), visitLogged('versions')]);
    for (const expected of [0, 1, 5]) {
      await expect(store.append(stream, expected, [visitLogged('versions')])).rejects.toMatchObject({
        name: 'StreamConflictError',
        expectedVersion: expected,
        actualVersion: 2,
      });
    }
    expect((await store.readStream(stream)).version).toBe(2);
  });

  it('refuses an append at the version a store last saw once another writer has moved the stream on', async () => {
    const stream = visitStream('two-writers');
    const other = new EventStore(context.db, { catalogue: platformCatalogue });
    await store.append(stream, 0, [visitLogged('two-writers')]);
    await other.append(stream, 1, [visitLogged('two-writers')]);
    await expect(store.append(stream, 1, [visitLogged('two-writers')])).rejects.toMatchObject({
      name: 'StreamConflictError',
      expectedVersion: 1,
      actualVersion: 2,
    });
    await expect(store.append(stream, 3, [visitLogged('two-writers')])).rejects.toMatchObject({ actualVersion: 2 });
    expect((await other.append(stream, 2, [visitLogged('two-writers')])).nextExpectedVersion).toBe(3);
  });

  it('appends a retried command once and answers the retry with the first result', async () => {
    const stream = visitStream('retry');
    const [eventId] = eventIdsFor(1, 'command-42');
    const first = await store.append(stream, 0, [visitLogged('retry', eventId)]);
    const again = await store.append(stream, 0, [visitLogged('retry', eventId)]);
    expect(first.appended).toBe(true);
    expect(again).toMatchObject({ appended: false, position: first.position, nextExpectedVersion: 1 });
    expect((await store.readStream(stream)).events).toHaveLength(1);
  });

  it('never appends an event id twice, even behind another expected version', async () => {
    const stream = visitStream('twice');
    const [eventId] = eventIdsFor(1);
    await store.append(stream, 0, [visitLogged('twice', eventId)]);
    await store.append(stream, 1, [visitLogged('twice')]);
    const again = await store.append(stream, 2, [visitLogged('twice', eventId)]);
    expect(again).toMatchObject({ appended: false, nextExpectedVersion: 1 });
    expect((await store.readStream(stream)).version).toBe(2);
  });

  it('keeps an optional field left undefined absent, so the event reads back', async () => {
    const stream = visitStream('optional');
    const event = visitLogged('optional');
    await store.append(stream, 0, [{ ...event, data: { ...(event.data as object), nextVisitOn: undefined } }]);
    const [read] = (await store.readStream(stream)).events;
    expect(read.data).not.toHaveProperty('nextVisitOn');
  });

  it('reads a long stream whole, across commits larger than its lookup window', async () => {
    const stream = visitStream('long');
    let version = 0;
    for (let commit = 0; commit < 100; commit += 1) {
      version = (await store.append(stream, version, [visitLogged('long')])).nextExpectedVersion;
    }
    const big = Array.from({ length: 70 }, () => visitLogged('long'));
    version = (await store.append(stream, version, big)).nextExpectedVersion;
    version = (await store.append(stream, version, [visitLogged('long')])).nextExpectedVersion;
    const { version: read, events } = await store.readStream(stream);
    expect(read).toBe(171);
    expect(events.map((event) => event.aggregateVersion)).toEqual(Array.from({ length: 171 }, (_, index) => index + 1));
    expect(await store.streamVersion('visit-long')).toBe(171);
  });

  it('refuses an invalid payload before anything is written, naming the field', async () => {
    const stream = visitStream('invalid');
    const bad = { ...visitLogged('invalid'), data: { ...(visitLogged('invalid').data as object), visitedOn: '20/01/2022' } };
    const error = await store.append(stream, 0, [visitLogged('invalid'), bad]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractViolation);
    expect((error as ContractViolation).issues.map((issue) => issue.field)).toEqual(['data.visitedOn']);
    expect(await context.db.collection(EVENTS_COLLECTION).countDocuments({ streamId: 'visit-invalid' })).toBe(0);
  });

  it('reads an event stored at an old schema version upcast to the current one', async () => {
    const stored = await store.append(visitStream('old'), 0, [visitLogged('old')]);
    // Rewrite the stored payload into the version-1 shape that the first release of the contract wrote.
    const { officialIds: _current, ...shared } = visitLogged('old').data as Record<string, unknown>;
    const v1 = { ...shared, officialId: 'official-9' };
    await context.db
      .collection(EVENTS_COLLECTION)
      .updateOne({ _id: stored.position as never }, { $set: { 'events.0.schemaVersion': 1, 'events.0.data': v1 } });
    const [event] = (await store.readStream(visitStream('old'))).events;
    expect(event.schemaVersion).toBe(VisitLogged.schemaVersion);
    expect(event.data).toMatchObject({ officialIds: ['official-9'] });
  });

  it('appends a batch of commands, each succeeding or conflicting on its own', async () => {
    await store.append(visitStream('batch-b'), 0, [visitLogged('batch-b')]);
    const outcomes = await store.appendMany([
      { stream: visitStream('batch-a'), expectedVersion: 0, events: [visitLogged('batch-a')] },
      { stream: visitStream('batch-b'), expectedVersion: 0, events: [visitLogged('batch-b')] },
      { stream: visitStream('batch-c'), expectedVersion: 0, events: [visitLogged('batch-c'), visitLogged('batch-c')] },
    ]);
    expect(outcomes[0]).toMatchObject({ appended: true, nextExpectedVersion: 1 });
    expect(outcomes[1]).toBeInstanceOf(StreamConflictError);
    expect(outcomes[2]).toMatchObject({ appended: true, nextExpectedVersion: 2 });
  });

  it('finds the appends that recorded many event ids in one call, with their streams and request fingerprints', async () => {
    const [first, second] = eventIdsFor(2, 'bulk-priors');
    await store.append(visitStream('prior-a'), 0, [visitLogged('prior-a', first)], { request: 'fingerprint-a' });
    await store.append(visitStream('prior-b'), 0, [visitLogged('prior-b', second)]);
    const priors = await store.priorAppends([first, second, eventIdsFor(1)[0]]);
    expect([...priors.keys()].sort()).toEqual([first, second].sort());
    expect(priors.get(first)).toEqual({ streamId: 'visit-prior-a', version: 1, request: 'fingerprint-a' });
    expect(priors.get(second)).toEqual({ streamId: 'visit-prior-b', version: 1 });
  });

  it('names its log once per database: every store on it agrees, and a counter made without a name gets one', async () => {
    const fresh = context.database('event-store-log-id');
    const stores = Array.from({ length: 5 }, () => new EventStore(fresh, { catalogue: platformCatalogue }));
    const named = await Promise.all(stores.map((each) => each.logId()));
    expect(new Set(named).size).toBe(1);
    expect(named[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    await stores[0].append(visitStream('named'), 0, [visitLogged('named')]);
    expect(await stores[1].logId()).toBe(named[0]);

    // A log counted by an earlier version (no name on its counter) keeps its positions and gets a name.
    const older = context.database('event-store-unnamed-log');
    await older.collection('event_log_counters').insertOne({ _id: 'position' as never, value: 7 });
    const olderStore = new EventStore(older, { catalogue: platformCatalogue });
    const [first, second] = await Promise.all([olderStore.logId(), new EventStore(older, { catalogue: platformCatalogue }).logId()]);
    expect(second).toBe(first);
    expect(first).not.toBe(named[0]);
    expect(await older.collection('event_log_counters').findOne({})).toEqual({ _id: 'position', value: 7, logId: first });
  });
});
