/**
 * A relay in a process of its own, so that tests can kill it with SIGKILL mid-batch. Configured by environment:
 * MONGO_URL, DB_NAME, KAFKA_BROKERS, TOPIC_NAMESPACE, RELAY_BATCH_SIZE.
 */
import { MongoClient } from 'mongodb';
import { TopicNames, platformCatalogue } from '@khu-siao/contracts';
import { EventStore } from '@khu-siao/event-store';
import { createLogger } from '@khu-siao/observability';
import { createKafka } from '../kafka/kafka-settings';
import { EventRelay } from '../relay/event-relay';

async function main(): Promise<void> {
  const env = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is required`);
    return value;
  };
  const logger = createLogger({ service: 'relay-process', level: 'warn' });
  const client = await new MongoClient(env('MONGO_URL')).connect();
  const db = client.db(env('DB_NAME'));
  const store = new EventStore(db, { catalogue: platformCatalogue });
  const relay = new EventRelay({
    name: 'spec-relay',
    db,
    store,
    kafka: createKafka({ brokers: env('KAFKA_BROKERS').split(','), clientId: 'relay-process' }, logger),
    topics: new TopicNames(env('TOPIC_NAMESPACE')),
    catalogue: platformCatalogue,
    logger,
    batchSize: Number(process.env['RELAY_BATCH_SIZE'] ?? 500),
    idleMs: 20,
    leaseTtlMs: 1_000,
  });
  await relay.start();
  process.stdout.write('relay started\n');
  process.on('SIGTERM', () => {
    void relay.stop().then(() => client.close()).then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`relay process failed: ${String(error)}\n`);
  process.exit(1);
});
