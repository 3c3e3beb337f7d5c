import { randomUUID } from 'node:crypto';
import type { Message } from 'kafkajs';
import { eventHeaders, platformCatalogue } from '@khu-siao/contracts';
import { createTestContext, until, type TestContext } from '@khu-siao/testing';
import { eventMessage } from '../kafka/event-message';
import { ensureTopics } from '../kafka/topic-admin';
import { EventConsumer } from './event-consumer';
import { householdPaired } from '../testing-support/spec-events';
import { forgetHandledEvents, logOrigin, logSequence } from './log-progress';

const paired = (householdId: string) => householdPaired(householdId, { pairingId: `pairing-${householdId}` });

describe('the place of a message in a log', () => {
  const logId = randomUUID();
  const place = (position: string, index: string) => ({
    [eventHeaders.logId]: logId,
    [eventHeaders.position]: position,
    [eventHeaders.logIndex]: index,
  });

  it('grows along the log: commit by commit, and event by event within a commit', () => {
    const places = [logSequence(1, 0), logSequence(1, 1), logSequence(1, 499), logSequence(2, 0), logSequence(2 ** 33 - 1, 499)];
    expect(places.every((sequence) => sequence !== undefined)).toBe(true);
    expect([...places].sort((a, b) => (a as number) - (b as number))).toEqual(places);
    expect(new Set(places).size).toBe(places.length);
  });

  it('is the log id, position and index a relay sends', () => {
    expect(logOrigin(place('42', '0'))).toEqual({ logId, sequence: logSequence(42, 0) });
    expect(logOrigin(place('42', '3'))).toEqual({ logId, sequence: logSequence(42, 3) });
    const asBuffers = { [eventHeaders.logId]: Buffer.from(logId), [eventHeaders.position]: Buffer.from('7'), [eventHeaders.logIndex]: Buffer.from('1') };
    expect(logOrigin(asBuffers)).toEqual({ logId, sequence: logSequence(7, 1) });
  });

  it.each([
    ['no log id', { [eventHeaders.position]: '42', [eventHeaders.logIndex]: '0' }],
    ['no position', { [eventHeaders.logId]: logId, [eventHeaders.logIndex]: '0' }],
    ['no index (a relay of before)', { [eventHeaders.logId]: logId, [eventHeaders.position]: '42' }],
    ['a log id that could name another field', { ...place('1', '0'), [eventHeaders.logId]: 'a.b' }],
    ['an operator for a log id', { ...place('1', '0'), [eventHeaders.logId]: '$set' }],
    ['a position that is not a whole number', place('1.5', '0')],
    ['position 0', place('0', '0')],
    ['a negative position', place('-3', '0')],
    ['a position too far for an exact sequence', place(String(2 ** 33), '0')],
    ['an index of 2^20', place('5', String(2 ** 20))],
    ['a negative index', place('5', '-1')],
  ])('is unknown with %s (the inbox decides then)', (_case, values) => {
    expect(logOrigin(values)).toBeUndefined();
  });
});

describe('a consumer recognising copies by log position', () => {
  let context: TestContext;
  let topic: string;
  let groupId: string;
  const logA = randomUUID();
  const logB = randomUUID();
  const handled: string[] = [];

  const consumer = () =>
    new EventConsumer({
      groupId,
      topics: [topic],
      deadLetterTopic: context.topics.deadLetters('progress-spec'),
      kafka: context.kafka,
      db: context.db,
      catalogue: platformCatalogue,
      logger: context.logger,
      handles: (type) => type === 'HouseholdPaired',
      handle: async (event) => void handled.push((event.data as { householdId: string }).householdId),
    });

  async function send(messages: Message[]): Promise<void> {
    const producer = context.kafka.producer();
    await producer.connect();
    await producer.send({ topic, acks: -1, messages });
    await producer.disconnect();
  }

  /** Runs a consumer of the group until its handler has seen `last` (the partition's last message), then stops it. */
  async function consumeUntil(last: string): Promise<void> {
    const running = consumer();
    await running.start();
    await until(() => handled.includes(last), `${last} to be handled`);
    await running.stop();
  }

  async function replayFromTheStart(): Promise<void> {
    const admin = context.kafka.admin();
    await admin.connect();
    let refusal: unknown;
    const reset = async () => {
      try {
        await admin.resetOffsets({ groupId, topic, earliest: true });
        return true;
      } catch (error) {
        // The group is still emptying after the consumer left.
        refusal = error;
        return false;
      }
    };
    try {
      await until(reset, () => `the group's offsets to be reset (last refusal: ${String(refusal)})`);
    } finally {
      await admin.disconnect();
    }
  }

  const events = {
    a1: paired('a1'),
    a2: paired('a2'),
    a3: paired('a3'),
    a3second: paired('a3second'),
    a4: paired('a4'),
    b1: paired('b1'),
  };
  const inLog = (logId: string, index = 0) => ({ logId, index });

  beforeAll(async () => {
    context = await createTestContext('log-progress');
    topic = context.topics.events('pairings');
    groupId = context.topics.consumerGroup('progress-spec');
    await ensureTopics(context.kafka, [{ topic, numPartitions: 1 }]);
  });
  afterAll(() => context.close());

  it('handles each position of each log once, in one batch and across a replay, with no inbox entry', async () => {
    // A relay's page sent twice (a crash before its checkpoint), another log whose positions are lower, and a commit
    // of two events (one position), its second event sent again.
    await send([
      eventMessage(events.a1, 1, inLog(logA)),
      eventMessage(events.a2, 2, inLog(logA)),
      eventMessage(events.a1, 1, inLog(logA)),
      eventMessage(events.a2, 2, inLog(logA)),
      eventMessage(events.b1, 1, inLog(logB)),
      eventMessage(events.a3, 3, inLog(logA, 0)),
      eventMessage(events.a3second, 3, inLog(logA, 1)),
      eventMessage(events.a3second, 3, inLog(logA, 1)),
    ]);
    await consumeUntil('a3second');
    expect(handled).toEqual(['a1', 'a2', 'b1', 'a3', 'a3second']);
    const [checkpoint] = await context.db.collection('consumer_checkpoints').find({ group: groupId }).toArray();
    expect(checkpoint?.['logs']).toEqual({ [logA]: logSequence(3, 1), [logB]: logSequence(1, 0) });
    expect(await context.db.collection('consumer_inbox').countDocuments({ group: groupId })).toBe(0);

    // The whole topic again from offset 0, and one new event: only the new one reaches the handler.
    handled.length = 0;
    await send([eventMessage(events.a2, 2, inLog(logA)), eventMessage(events.a4, 4, inLog(logA))]);
    await replayFromTheStart();
    await consumeUntil('a4');
    expect(handled).toEqual(['a4']);
  });

  it('handles everything again once the group has forgotten what it handled', async () => {
    handled.length = 0;
    await forgetHandledEvents(context.db, groupId);
    await replayFromTheStart();
    await consumeUntil('a4');
    expect(handled).toEqual(['a1', 'a2', 'b1', 'a3', 'a3second', 'a4']);
  });
});
