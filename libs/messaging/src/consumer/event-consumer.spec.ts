import { platformCatalogue } from '@khu-siao/contracts';
import { createTestContext, topicMessages, until, type TestContext } from '@khu-siao/testing';
import { eventMessage, headerText } from '../kafka/event-message';
import { ensureTopics } from '../kafka/topic-admin';
import { deadLetterHeaders } from './dead-letters';
import { EventConsumer } from './event-consumer';
import { PoisonMessage } from './poison-message';
import { householdPaired } from '../testing-support/spec-events';

const paired = (householdId: string, version: number, data: Record<string, unknown> = {}) =>
  householdPaired(householdId, { version, data });

/** Sent after a replay's workload: once it is handled, every message before it on the partition has been too. */
const sentinelId = 'hh-sentinel';

describe('the event consumer', () => {
  let context: TestContext;
  let topic: string;
  let deadLetterTopic: string;
  const handled: { householdId: string; attempt: number }[] = [];
  const failuresLeft = new Map([['hh-flaky', 2]]);
  let sentinelHandled = false;

  const consumerFor = () =>
    new EventConsumer({
      groupId: context.topics.consumerGroup('consumer-spec'),
      topics: [topic],
      deadLetterTopic,
      kafka: context.kafka,
      db: context.db,
      catalogue: platformCatalogue,
      logger: context.logger,
      retry: { attempts: 4, initialDelayMs: 20 },
      handles: (type) => type === 'HouseholdPaired',
      handle: async (event, { attempt }) => {
        const { householdId } = event.data as { householdId: string };
        if (householdId === sentinelId) {
          sentinelHandled = true;
          return;
        }
        if (householdId === 'hh-poison') throw new PoisonMessage('household is not known to this service');
        const left = failuresLeft.get(householdId) ?? 0;
        if (left > 0) {
          failuresLeft.set(householdId, left - 1);
          throw new Error('database briefly unavailable');
        }
        handled.push({ householdId, attempt });
      },
    });

  beforeAll(async () => {
    context = await createTestContext('consumer');
    topic = context.topics.events('pairings');
    deadLetterTopic = context.topics.deadLetters('consumer-spec');
    await ensureTopics(context.kafka, [{ topic, numPartitions: 1 }]);
  });
  afterAll(() => context.close());

  it('parks what cannot be handled on the dead-letter topic with its reason, retries what can, and goes on', async () => {
    const poison = paired('hh-poison', 2);
    const producer = context.kafka.producer();
    await producer.connect();
    await producer.send({
      topic,
      acks: -1,
      messages: [
        { key: 'pairing-1', value: 'not json at all: 1234567890123', headers: { 'event-id': 'broken' } },
        eventMessage(paired('hh-first', 1), 1),
        eventMessage(poison, 2),
        eventMessage(paired('hh-flaky', 3), 3),
        eventMessage(paired('hh-bad-date', 4, { pairedOn: '27/01/2565' }), 4),
        eventMessage(paired('hh-last', 5), 5),
      ],
    });
    await producer.disconnect();

    const consumer = consumerFor();
    await consumer.start();
    // The last message of the only partition: every one before it has been handled or parked.
    await until(() => handled.some((entry) => entry.householdId === 'hh-last'), 'hh-last to be handled');
    await consumer.stop();

    expect(handled).toEqual([
      { householdId: 'hh-first', attempt: 1 },
      { householdId: 'hh-flaky', attempt: 3 },
      { householdId: 'hh-last', attempt: 1 },
    ]);
    const parked = await topicMessages(context, deadLetterTopic);
    const reasons = parked.map((message) => headerText(message.headers, deadLetterHeaders.reason));
    expect(reasons).toEqual([
      'value is not a JSON document',
      'PoisonMessage: household is not known to this service',
      expect.stringContaining('data.pairedOn'),
    ]);
    expect(parked[0].value?.toString()).toBe('not json at all: 1234567890123');
    expect(reasons.join(' ')).not.toContain('1234567890123');
    expect(headerText(parked[1].headers, 'event-id')).toBe(poison.eventId);
    expect(headerText(parked[1].headers, deadLetterHeaders.originalTopic)).toBe(topic);
    expect(headerText(parked[1].headers, deadLetterHeaders.attempts)).toBe('1');
  });

  it('changes nothing when the whole topic is replayed to the same group', async () => {
    const before = handled.length;
    const admin = context.kafka.admin();
    await admin.connect();
    await admin.resetOffsets({ groupId: context.topics.consumerGroup('consumer-spec'), topic, earliest: true });
    await admin.disconnect();
    const producer = context.kafka.producer();
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: [eventMessage(paired(sentinelId, 6), 6)] });
    await producer.disconnect();

    const consumer = consumerFor();
    await consumer.start();
    await until(() => sentinelHandled, 'the sentinel sent after the replayed messages to be handled');
    const parkedAgain = await topicMessages(context, deadLetterTopic);
    await consumer.stop();

    expect(parkedAgain).toHaveLength(6);
    expect(handled).toHaveLength(before);
  });

  it('handles an event delivered twice within one batch once', async () => {
    const twiceTopic = `${topic}.twice`;
    const groupId = context.topics.consumerGroup('consumer-spec-twice');
    await ensureTopics(context.kafka, [{ topic: twiceTopic, numPartitions: 1 }]);
    const twice = paired('hh-twice', 1);
    const after = paired('hh-after', 2);
    const producer = context.kafka.producer();
    await producer.connect();
    // One send, before the consumer starts: the three messages reach it in one batch, so the inbox lookup made
    // before the batch knows neither copy and only the batch's own record of what it handled stops the second.
    await producer.send({
      topic: twiceTopic,
      acks: -1,
      messages: [eventMessage(twice, 1), eventMessage(twice, 1), eventMessage(after, 2)],
    });
    await producer.disconnect();

    const calls: { householdId: string; offset: string }[] = [];
    const consumer = new EventConsumer({
      groupId,
      topics: [twiceTopic],
      deadLetterTopic: context.topics.deadLetters('consumer-spec-twice'),
      kafka: context.kafka,
      db: context.db,
      catalogue: platformCatalogue,
      logger: context.logger,
      handles: (type) => type === 'HouseholdPaired',
      handle: async (event, { offset }) => {
        calls.push({ householdId: (event.data as { householdId: string }).householdId, offset });
      },
    });
    await consumer.start();
    // The last of the three: the copy before it has been passed over or handled by then.
    await until(() => calls.some((call) => call.householdId === 'hh-after'), 'hh-after to be handled');
    await consumer.stop();

    expect(calls).toEqual([
      { householdId: 'hh-twice', offset: '0' },
      { householdId: 'hh-after', offset: '2' },
    ]);
    const marked = await context.db
      .collection('consumer_inbox')
      .find({ group: groupId })
      .project({ _id: 0, eventId: 1 })
      .toArray();
    expect(marked.map((entry) => entry.eventId).sort()).toEqual([twice.eventId, after.eventId].sort());
  });
});
