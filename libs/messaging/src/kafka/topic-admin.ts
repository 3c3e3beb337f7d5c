import type { Admin, Kafka } from 'kafkajs';

export interface TopicSpec {
  readonly topic: string;
  readonly numPartitions?: number;
}

const leaderWaitMs = 15_000;

/**
 * Creates the topics that do not exist yet (topics are never created implicitly by producing to them), and returns
 * once every partition of every topic has a leader — also when another process created them a moment ago, which a
 * service starting beside another would otherwise see as "This server does not host this topic-partition".
 */
export async function ensureTopics(kafka: Kafka, topics: readonly TopicSpec[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((spec) => !existing.has(spec.topic));
    if (missing.length > 0) {
      await admin
        .createTopics({
          // kafkajs's own wait gives up on "does not host this topic-partition" while the broker is still
          // settling the new topic (seen when several services start together on a fresh broker): waited below.
          waitForLeaders: false,
          topics: missing.map((spec) => ({ topic: spec.topic, numPartitions: spec.numPartitions ?? 6, replicationFactor: -1 })),
        })
        .catch((error: unknown) => {
          // Another process created one of them first: what matters is that they exist, checked below.
          if (!(error instanceof Error && /already exists/i.test(error.message))) throw error;
        });
    }
    await untilLed(admin, topics.map((spec) => spec.topic));
  } finally {
    await admin.disconnect();
  }
}

async function untilLed(admin: Admin, topics: readonly string[]): Promise<void> {
  const deadline = Date.now() + leaderWaitMs;
  for (;;) {
    const led = await admin
      .fetchTopicMetadata({ topics: [...topics] })
      .then((metadata) => metadata.topics.every((topic) => topic.partitions.length > 0 && topic.partitions.every((p) => p.leader >= 0)))
      .catch(() => false);
    if (led) return;
    if (Date.now() > deadline) throw new Error(`topics ${topics.join(', ')} have no leader after ${leaderWaitMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
