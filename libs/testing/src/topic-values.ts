import type { KafkaMessage } from 'kafkajs';
import type { TestContext } from './test-context';
import { until } from './waiting';

/**
 * Every message of a topic from offset 0 to its end as it is now, read as a new consumer group would: what a replay
 * of the topic would hand any consumer.
 */
export async function topicMessages(context: TestContext, topic: string): Promise<KafkaMessage[]> {
  const admin = context.kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const remaining = new Map(ends.filter((end) => Number(end.high) > 0).map((end) => [end.partition, Number(end.high)]));
  const messages: KafkaMessage[] = [];
  if (remaining.size === 0) return messages;
  const consumer = context.kafka.consumer({ groupId: `${context.namespace}-replay-${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  try {
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        if (!remaining.has(partition)) return;
        messages.push(message);
        if (Number(message.offset) + 1 >= (remaining.get(partition) ?? 0)) remaining.delete(partition);
      },
    });
    await until(() => remaining.size === 0, `the replay of ${topic} to reach its end`);
  } finally {
    await consumer.disconnect();
  }
  return messages;
}

/** The values of `topicMessages`, as text. */
export async function topicValues(context: TestContext, topic: string): Promise<string[]> {
  return (await topicMessages(context, topic)).map((message) => message.value?.toString('utf8') ?? '');
}
