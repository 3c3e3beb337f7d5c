import type { ChildProcess } from 'node:child_process';
import { setTimeout as pause } from 'node:timers/promises';
import { platformCatalogue, type EventEnvelope, type EventMetadata } from '@khu-siao/contracts';
import { EventStore } from '@khu-siao/event-store';
import { canControlKafka, controlKafka, createTestContext, until, type TestContext } from '@khu-siao/testing';
import { EventConsumer } from './consumer/event-consumer';
import { ensureTopics } from './kafka/topic-admin';
import { oneKeyPerPartition } from './testing-support/partition-keys';
import { killHard, spawnRelay } from './testing-support/spawn-relay';
import { pendingVisit } from './testing-support/spec-events';

const metadata: EventMetadata = { correlationId: 'delivery', causationId: null, actor: { kind: 'system', id: 'spec' } };
const visit = (visitId: string, householdId: string) => pendingVisit(visitId, householdId, metadata);

describe('delivery from the event store through Kafka to an idempotent consumer', () => {
  let context: TestContext;
  let store: EventStore;
  let consumer: EventConsumer;
  const relays: ChildProcess[] = [];
  const appliedPerAggregate = new Map<string, number[]>();
  const timesApplied = new Map<string, number>();
  /** Appended after the workload, one per partition: once each is handled, so is every copy relayed before it. */
  const sentinels = oneKeyPerPartition('sentinel', 6);
  const sentinelsHandled = new Set<string>();

  beforeAll(async () => {
    context = await createTestContext('delivery');
    store = new EventStore(context.db, { catalogue: platformCatalogue });
    await store.ensureIndexes();
    const topic = context.topics.events('pairings');
    await ensureTopics(context.kafka, [{ topic, numPartitions: 6 }]);
    consumer = new EventConsumer({
      groupId: context.topics.consumerGroup('delivery-spec'),
      topics: [topic],
      deadLetterTopic: context.topics.deadLetters('delivery-spec'),
      kafka: context.kafka,
      db: context.db,
      catalogue: platformCatalogue,
      logger: context.logger,
      handles: (type) => type === 'VisitLogged',
      handle: async (event: EventEnvelope) => {
        if (sentinels.includes(event.aggregateId)) return void sentinelsHandled.add(event.aggregateId);
        timesApplied.set(event.eventId, (timesApplied.get(event.eventId) ?? 0) + 1);
        const versions = appliedPerAggregate.get(event.aggregateId) ?? [];
        versions.push(event.aggregateVersion);
        appliedPerAggregate.set(event.aggregateId, versions);
      },
    });
    await consumer.start();
  });

  afterAll(async () => {
    for (const relay of relays) await killHard(relay);
    await consumer.stop();
    await context.close();
  });

  it('delivers every event exactly once, in order per aggregate, through a relay SIGKILL and a broker restart', async () => {
    const startRelay = async () => {
      const relay = await spawnRelay({
        mongoUrl: context.mongoUrl,
        dbName: context.db.databaseName,
        kafkaBrokers: context.kafkaBrokers,
        topicNamespace: context.namespace,
        batchSize: 25,
      });
      relays.push(relay);
      return relay;
    };
    const appended: string[] = [];
    let writing = true;
    // 4 writers, each appending to its own 10 visits (aggregates) in turn, so streams grow to 15 events each.
    const writers = Array.from({ length: 4 }, async (_, writer) => {
      const versions = new Map<string, number>();
      for (let round = 0; round < 150; round += 1) {
        const visitId = `w${writer}-v${round % 10}`;
        const result = await store.append({ aggregateType: 'visit', aggregateId: visitId }, versions.get(visitId) ?? 0, [
          visit(visitId, `hh-${writer}`),
        ]);
        versions.set(visitId, result.nextExpectedVersion);
        appended.push(...result.events.map((event) => event.eventId));
        // A pause now and then, so that the writes go on while the relay is killed and the broker restarted.
        if (round % 10 === 0) await pause(5);
      }
    });
    const writing$ = Promise.all(writers).finally(() => (writing = false));

    const first = await startRelay();
    await until(() => timesApplied.size >= 100, 'the first hundred events');
    await killHard(first);
    const atKill = timesApplied.size;
    await startRelay();

    if (await canControlKafka()) {
      await until(() => timesApplied.size >= atKill + 100, 'events after the relay restart');
      await controlKafka('restart');
    }
    await writing$;
    expect(writing).toBe(false);
    await until(() => timesApplied.size >= appended.length, 'every appended event to be consumed');
    for (const sentinel of sentinels) await store.append({ aggregateType: 'visit', aggregateId: sentinel }, 0, [visit(sentinel, 'hh-sentinel')]);
    await until(() => sentinelsHandled.size === sentinels.length, 'a sentinel handled on each partition');

    expect(appended).toHaveLength(600);
    expect(new Set(timesApplied.keys())).toEqual(new Set(appended));
    expect([...timesApplied.values()].every((times) => times === 1)).toBe(true);
    for (const versions of appliedPerAggregate.values()) {
      expect(versions).toEqual(versions.map((_, index) => index + 1));
    }
  });
});
