import type { TestContext } from './test-context';

/**
 * The value of every message of a topic from offset 0 to its end as it is now, read as a new consumer group would:
 * what a replay of the topic would hand any consumer.
 */
export async function topicValues(context: TestContext, topic: string): Promise<string[]> {
  const admin = context.kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const remaining = new Map(ends.filter((end) => Number(end.high) > 0).map((end) => [end.partition, Number(end.high)]));
  const values: string[] = [];
  if (remaining.size === 0) return values;
  const consumer = context.kafka.consumer({ groupId: `${context.namespace}-replay-${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the replay of ${topic} did not reach its end`)), 60_000);
      consumer
        .run({
          eachMessage: async ({ partition, message }) => {
            values.push(message.value?.toString('utf8') ?? '');
            if (Number(message.offset) + 1 >= (remaining.get(partition) ?? 0)) remaining.delete(partition);
            if (remaining.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return values;
}
