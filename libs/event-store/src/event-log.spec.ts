import { setTimeout as pause } from 'node:timers/promises';
import type { Collection, Db } from 'mongodb';
import { platformCatalogue, type EventMetadata } from '@khu-siao/contracts';
import { createTestContext, until, type TestContext } from '@khu-siao/testing';
import { COUNTERS_COLLECTION, EVENTS_COLLECTION, EventStore } from './event-store';
import type { EventLog } from './event-log';
import { eventIdsFor, type PendingEvent } from './pending-event';

const metadata: EventMetadata = { correlationId: 'corr', causationId: null, actor: { kind: 'system', id: 'spec' } };

function paired(id: string): PendingEvent {
  return {
    eventId: eventIdsFor(1)[0],
    type: 'HouseholdPaired',
    metadata,
    data: { pairingId: id, householdId: `hh-${id}`, officialId: 'official-1', pairedOn: '2022-01-27' },
  };
}

/** The same real database, but every insert into the event log waits first: commits land out of position order. */
function delayingWrites(db: Db, delay: () => Promise<unknown>): Db {
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property !== 'collection') return Reflect.get(target, property, receiver);
      return (name: string) => {
        const collection = target.collection(name);
        if (name !== EVENTS_COLLECTION) return collection;
        return new Proxy(collection, {
          get(inner: Collection, method, innerReceiver) {
            const original = Reflect.get(inner, method, innerReceiver);
            if (method !== 'insertOne' && method !== 'insertMany') {
              return typeof original === 'function' ? original.bind(inner) : original;
            }
            return async (...args: unknown[]) => {
              await delay();
              return original.apply(inner, args);
            };
          },
        });
      };
    },
  });
}

/** Follows the log like a relay until `done()` and the head is reached; answers what it read, in order. */
async function follow(log: EventLog, done: () => boolean) {
  const read: { position: number; eventId: string }[] = [];
  let position = 0;
  let waited = 0;
  for (;;) {
    const page = await log.read(position, 50);
    for (const commit of page.commits) {
      for (const event of commit.events) read.push({ position: commit.position, eventId: event.eventId });
    }
    if (page.waitingAt !== undefined) waited += 1;
    position = page.position;
    if (done() && position >= (await log.head()) && page.waitingAt === undefined) return { read, waited };
    // A relay's idle between two reads of the log.
    await pause(3);
  }
}

describe('reading the global log', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestContext('event-log');
  });
  afterAll(() => context.close());

  async function freshStores(label: string, delay: () => Promise<unknown>) {
    const db = context.database(label);
    const reader = new EventStore(db, { catalogue: platformCatalogue });
    await reader.ensureIndexes();
    return { db, reader, writer: new EventStore(delayingWrites(db, delay), { catalogue: platformCatalogue }) };
  }

  it('never skips a commit stored after a later-positioned one: 8 writers, delayed writes, every event once', async () => {
    let first = true;
    const { reader, writer } = await freshStores('concurrent', () => {
      const delay = first ? 300 : Math.floor(Math.random() * 25);
      first = false;
      return pause(delay);
    });
    let writing = true;
    // Its clock stands still, so no writer is ever taken for dead: the reader must wait for each, however slow.
    const following = follow(reader.log({ gapTimeoutMs: 5_000, clock: () => 0 }), () => !writing);
    const appended = await Promise.all(
      Array.from({ length: 8 }, async (_, writerIndex) => {
        const ids: string[] = [];
        for (let commit = 0; commit < 40; commit += 1) {
          const result = await writer.append({ aggregateType: 'pairing', aggregateId: `w${writerIndex}-${commit}` }, 0, [
            paired(`w${writerIndex}-${commit}`),
          ]);
          ids.push(...result.events.map((event) => event.eventId));
        }
        return ids;
      }),
    );
    writing = false;
    const { read, waited } = await following;
    const expected = appended.flat();
    expect(read).toHaveLength(320);
    expect(new Set(read.map((entry) => entry.eventId))).toEqual(new Set(expected));
    const positions = read.map((entry) => entry.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(waited).toBeGreaterThan(0);
  });

  it('reads its own appends from memory as another store reads them from the database', async () => {
    const { reader: writer, writer: elsewhere } = await freshStores('own-appends', () => Promise.resolve());
    for (const id of ['one', 'two', 'three']) {
      await writer.append({ aggregateType: 'pairing', aggregateId: id }, 0, [paired(id), paired(id)]);
    }
    const own = await writer.log().read(0);
    expect(own).toMatchObject({ position: 3 });
    expect(own.waitingAt).toBeUndefined();
    expect(own.commits).toEqual((await elsewhere.log().read(0)).commits);
    expect(own.commits.flatMap((commit) => commit.events)).toHaveLength(6);
  });

  it('claims a position whose writer died as a gap after the timeout, then moves on', async () => {
    const { db, reader } = await freshStores('abandoned', () => Promise.resolve());
    await reader.append({ aggregateType: 'pairing', aggregateId: 'before' }, 0, [paired('before')]);
    await db.collection(COUNTERS_COLLECTION).updateOne({ _id: 'position' as never }, { $inc: { value: 1 } });
    await reader.append({ aggregateType: 'pairing', aggregateId: 'after' }, 0, [paired('after')]);
    let now = 0;
    const log = reader.log({ gapTimeoutMs: 200, clock: () => now });

    const waiting = await log.read(0);
    expect(waiting).toMatchObject({ position: 1, waitingAt: 2 });
    expect(waiting.commits).toHaveLength(1);
    now += 250;
    expect((await log.read(1)).waitingAt).toBeUndefined();
    const after = await log.read(1);
    expect(after.position).toBe(3);
    expect(after.commits.map((commit) => commit.position)).toEqual([3]);
    expect(await db.collection(EVENTS_COLLECTION).findOne({ _id: 2 as never })).toMatchObject({ gap: true });
  });

  it('moves a writer that was taken for dead to a new position, where it lands and is read once', async () => {
    let slow = true;
    const { db, reader, writer } = await freshStores('slow-writer', async () => {
      if (!slow) return;
      slow = false;
      // The first insert lands only once the reader has given its position up for dead and claimed it as a gap.
      await until(async () => (await db.collection(EVENTS_COLLECTION).findOne({ _id: 1 as never }))?.['gap'] === true, 'position 1 to be claimed');
    });
    // Each look at its clock is 60 ms later: a position missing through three reads of it is taken for dead.
    let now = 0;
    const log = reader.log({ gapTimeoutMs: 100, clock: () => (now += 60) });
    const appending = writer.append({ aggregateType: 'pairing', aggregateId: 'slow' }, 0, [paired('slow')]);
    let writing = true;
    void appending.finally(() => (writing = false));
    const { read } = await follow(log, () => !writing);
    const result = await appending;
    expect(result.position).toBeGreaterThan(1);
    expect(read).toEqual([{ position: result.position, eventId: result.events[0].eventId }]);
  });
});
