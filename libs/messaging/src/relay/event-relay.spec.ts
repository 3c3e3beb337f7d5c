import type { KafkaMessage } from 'kafkajs';
import { eventHeaders, platformCatalogue, type EventMetadata } from '@khu-siao/contracts';
import { EventStore } from '@khu-siao/event-store';
import { createTestContext, until, type TestContext } from '@khu-siao/testing';
import { headerText } from '../kafka/event-message';
import { pendingVisit } from '../testing-support/spec-events';
import { EventRelay } from './event-relay';

const metadata: EventMetadata = { correlationId: 'relay-spec', causationId: null, actor: { kind: 'system', id: 'spec' } };

const visit = (visitId: string) => pendingVisit(visitId, 'hh-relay-spec', metadata);

describe('the event relay', () => {
  let context: TestContext;
  let store: EventStore;
  let relay: EventRelay;
  let topic: string;
  const received: KafkaMessage[] = [];
  /** Sent to the topic by the spec itself once the relay is done: what the reader gets before it, it has got. */
  let sentinelRead = false;
  let reader: ReturnType<TestContext['kafka']['consumer']>;

  async function append(count: number, prefix: string): Promise<string[]> {
    const ids: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const result = await store.append({ aggregateType: 'visit', aggregateId: `${prefix}-${index}` }, 0, [visit(`${prefix}-${index}`)]);
      ids.push(result.events[0].eventId);
    }
    return ids;
  }

  beforeAll(async () => {
    context = await createTestContext('relay');
    store = new EventStore(context.db, { catalogue: platformCatalogue });
    await store.ensureIndexes();
    topic = context.topics.events('pairings');
    // One partition that takes record batches of 16 KiB at most: a page of 40 visits (~27 KiB) is over it.
    const admin = context.kafka.admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic, numPartitions: 1, replicationFactor: -1, configEntries: [{ name: 'max.message.bytes', value: '16384' }] }],
    });
    await admin.disconnect();
    reader = context.kafka.consumer({ groupId: context.topics.consumerGroup('relay-spec-reader') });
    await reader.connect();
    await reader.subscribe({ topic, fromBeginning: true });
    await reader.run({
      eachMessage: async ({ message }) => {
        if (message.key?.toString() === 'sentinel') sentinelRead = true;
        else received.push(message);
      },
    });
    relay = new EventRelay({
      name: 'relay-spec',
      db: context.db,
      store,
      kafka: context.kafka,
      topics: context.topics,
      catalogue: platformCatalogue,
      logger: context.logger,
    });
  });

  afterAll(async () => {
    await relay.stop();
    await reader.disconnect();
    await context.close();
  });

  it('sends a page the broker finds too large in halves, in log order, and goes on with the next pages', async () => {
    // Appended before the relay starts, so that its first page holds all 40.
    const first = await append(40, 'large-page');
    await relay.start();
    await until(() => received.length >= first.length, 'the 40 events of the first page');
    const more = await append(5, 'after');
    // One commit of three events: one position, three places in it.
    const three = await store.append({ aggregateType: 'visit', aggregateId: 'three' }, 0, [visit('three'), visit('three'), visit('three')]);
    const total = first.length + more.length + 3;
    await until(() => received.length >= total, 'the events appended afterwards');
    // Once the relay's checkpoint is at the last position, it has sent all it will; a sentinel after that shows the
    // reader has every copy the relay sent (none, if each half went out once).
    await until(() => relay.checkpoint() === 46, 'the relay to checkpoint the last position');
    const producer = context.kafka.producer();
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: [{ key: 'sentinel', value: 'sentinel' }] });
    await producer.disconnect();
    await until(() => sentinelRead, 'the sentinel sent after the relay was done');

    const header = (name: string) => received.map((message) => headerText(message.headers, name));
    expect(header(eventHeaders.eventId)).toEqual([...first, ...more, ...three.events.map((event) => event.eventId)]);
    const singles = Array.from({ length: 45 }, (_, index) => String(index + 1));
    expect(header(eventHeaders.position)).toEqual([...singles, '46', '46', '46']);
    expect(header(eventHeaders.logIndex)).toEqual([...singles.map(() => '0'), '0', '1', '2']);
    expect(new Set(header(eventHeaders.logId))).toEqual(new Set([await store.logId()]));
    expect(relay.checkpoint()).toBe(46);
    expect(await relay.lag()).toBe(0);
  });
});
