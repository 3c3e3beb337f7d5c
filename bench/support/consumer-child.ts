/**
 * The relay bench's consumer in a process of its own, as a reading service runs apart from the writing service
 * whose relay publishes. Configured by environment (MONGO_URL, DB_NAME, KAFKA_BROKERS, TOPIC_NAMESPACE); tells its
 * parent, over IPC, which events its handler saw and when (epoch milliseconds with fractions, comparable across
 * processes), every 20 ms, and `started` once it has joined its group.
 */
import { MongoClient } from 'mongodb';
import { TopicNames } from '@khu-siao/contracts';
import { EventConsumer, createKafka } from '@khu-siao/messaging';
import { createLogger } from '@khu-siao/observability';
import { benchConsumerOptions } from './bench-consumer';

export interface ConsumerChildReport {
  readonly kind: 'received';
  readonly eventIds: string[];
  readonly at: number[];
  readonly deliveries: number;
}

const now = () => performance.timeOrigin + performance.now();

async function main(): Promise<void> {
  const env = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is required`);
    return value;
  };
  const logger = createLogger({ service: 'bench-consumer', level: 'warn', destination: process.stderr });
  const client = await new MongoClient(env('MONGO_URL')).connect();
  const db = client.db(env('DB_NAME'));
  const topics = new TopicNames(env('TOPIC_NAMESPACE'));
  const kafka = createKafka({ brokers: env('KAFKA_BROKERS').split(','), clientId: 'bench-consumer' }, logger);
  let pending: { eventIds: string[]; at: number[] } = { eventIds: [], at: [] };
  let deliveries = 0;
  const consumer = new EventConsumer(
    benchConsumerOptions(db, kafka, topics, logger, (eventId) => {
      deliveries += 1;
      pending.eventIds.push(eventId);
      pending.at.push(now());
    }),
  );
  const flush = () => {
    if (pending.eventIds.length === 0) return;
    const report: ConsumerChildReport = { kind: 'received', ...pending, deliveries };
    pending = { eventIds: [], at: [] };
    process.send?.(report);
  };
  const timer = setInterval(flush, 20);
  await consumer.start();
  process.send?.({ kind: 'started' });
  process.on('message', (message: { kind?: string }) => {
    if (message.kind !== 'stop') return;
    clearInterval(timer);
    flush();
    void consumer
      .stop()
      .then(() => client.close())
      .then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench consumer failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
