/**
 * End-to-end delivery (append → relay → Kafka → consumer) against a raw idempotent kafkajs producer, same run.
 * Run from the repo root: npx tsx --tsconfig tsconfig.base.json bench/relay.ts --help
 */
import { fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { MongoClient, type Db } from 'mongodb';
import type { Kafka } from 'kafkajs';
import { TopicNames, VisitLogged, platformCatalogue } from '@khu-siao/contracts';
import { EventStore, type AppendRequest } from '@khu-siao/event-store';
import { DEFAULT_RELAY_PAGE, EventConsumer, EventRelay, createKafka, ensureTopics, eventMessage } from '@khu-siao/messaging';
import { createLogger, type Logger } from '@khu-siao/observability';
import { CommandTimes } from './support/command-times';
import type { ConsumerChildReport } from './support/consumer-child';
import { benchConsumerOptions as consumerOptions } from './support/bench-consumer';
import { readFlags } from './support/flags';
import { runBench } from './support/run';
import { BENCH_PORTS, startBenchInfra } from './support/infra';
import type { InfraEndpoints } from '@khu-siao/infra';
import { batches, envelopeBytes, pendingVisit, visitEnvelope, visitStream } from './support/payload';
import {
  machine,
  measurementHeader,
  measurementRow,
  printCommandTimes,
  printTable,
  ratioText,
  verdict,
  writeResult,
} from './support/report';
import { percentiles, perSecond, Recorder, type Measurement } from './support/stats';

const TARGET = 0.25;
const PARTITIONS = 6;

const flags = readFlags(
  'Relay benchmark: events appended with EventStore.appendMany, published by an EventRelay and handled by an\n' +
    'EventConsumer (in a process of its own), against a raw idempotent kafkajs producer on the same broker, same run.\n' +
    'Usage: npx tsx --tsconfig tsconfig.base.json bench/relay.ts [options]',
  {
    events: {
      kind: 'number',
      default: 30_000,
      help:
        'events appended end to end, and messages sent by the baseline (30,000 lasts ~4 s end to end here: the first ' +
        "page's way through and the last page's drain weigh little; at 10,000 they are a fifth of the run)",
    },
    batch: { kind: 'number', default: 500, help: 'events per appendMany call' },
    'relay-batch': {
      kind: 'number',
      default: DEFAULT_RELAY_PAGE,
      help:
        `the most events the relay reads and sends at once (the services' RELAY_BATCH_SIZE, ${DEFAULT_RELAY_PAGE} by default); ` +
        'the baseline sends batches of this size too',
    },
    appenders: { kind: 'number', default: 4, help: 'appendMany calls in flight at once (a service answers several requests at once)' },
    warmup: {
      kind: 'number',
      default: 5_000,
      help: 'untimed events before each measurement, so that the servers run JIT-compiled code',
    },
    timeout: { kind: 'number', default: 90, help: 'seconds to wait for the consumer to receive every event' },
    'consumer-in-process': {
      kind: 'boolean',
      default: false,
      help: 'run the consumer in this process (beside the appender and the relay) instead of a process of its own, as a reading service runs',
    },
    'mongo-port': { kind: 'number', default: BENCH_PORTS.mongo, help: 'port for the MongoDB server this run starts' },
    'kafka-port': { kind: 'number', default: BENCH_PORTS.kafka, help: 'port for the Kafka broker (controller: +1)' },
  },
);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The relay sends what it read in one sendBatch, so the baseline sends batches of the relay's page. */
const BASELINE_BATCH = flags['relay-batch'];

/** The same events as the end-to-end run will carry, as the relay would turn them into messages (log id included). */
function rawMessages(count: number, key: string) {
  const recordedAt = new Date();
  const logId = randomUUID();
  return Array.from({ length: count }, (_, i) => {
    const stream = visitStream('visit', i);
    return eventMessage(visitEnvelope(stream, 1, pendingVisit(i, key), recordedAt), i + 1, { logId, index: 0 });
  });
}

async function baseline(kafka: Kafka, topic: string, runId: string): Promise<Measurement> {
  await ensureTopics(kafka, [{ topic, numPartitions: PARTITIONS }]);
  // Configured as the relay's producer is: idempotent, one request in flight, acks from all replicas.
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await producer.connect();
  try {
    const send = (messages: ReturnType<typeof rawMessages>) =>
      producer.sendBatch({ topicMessages: [{ topic, messages }], acks: -1 });
    for (const warmup of batches(rawMessages(flags.warmup, `${runId}-warmup`), BASELINE_BATCH)) {
      await send(warmup);
    }
    const recorder = new Recorder();
    for (const batch of batches(rawMessages(flags.events, runId), BASELINE_BATCH)) {
      await recorder.sequential(batch.length, () => send(batch));
    }
    return recorder.measurement();
  } finally {
    await producer.disconnect();
  }
}

interface EndToEnd {
  readonly measurement: Measurement;
  /**
   * Events/s of each stage, all from the first append: every append acknowledged, the relay's checkpoint past the
   * last one, the consumer's handler called for the last one. The slowest stage is the one that holds the others up.
   */
  readonly stages: {
    readonly appendedPerSecond: number;
    readonly publishedPerSecond: number;
    readonly receivedPerSecond: number;
  };
  readonly received: number;
  readonly duplicates: number;
}

interface Appended {
  /** When each event's append was acknowledged, by event id. */
  readonly at: Map<string, number>;
  /** The highest log position taken: the relay has published everything once its checkpoint reaches it. */
  readonly lastPosition: number;
}

/**
 * The appendMany calls that will append `count` events (streams `label-i`), made before the clock starts as the
 * baseline's messages are: what is timed is storing and delivering events, not making up test data.
 */
function appendRequests(label: string, count: number, key: string): AppendRequest[][] {
  const requests = Array.from(
    { length: count },
    (_, i): AppendRequest => ({ stream: visitStream(label, i), expectedVersion: 0, events: [pendingVisit(i, key)] }),
  );
  return batches(requests, flags.batch);
}

/**
 * Makes the calls as fast as it can: `--appenders` appendMany calls in flight at once, as a service answers several
 * requests at once (one appender is one call after the other).
 */
async function appendAll(store: EventStore, calls: readonly AppendRequest[][]): Promise<Appended> {
  const at = new Map<string, number>();
  let lastPosition = 0;
  const queue = [...calls];
  const appender = async () => {
    for (let batch = queue.shift(); batch; batch = queue.shift()) {
      const outcomes = await store.appendMany(batch);
      const acknowledged = performance.now();
      for (const outcome of outcomes) {
        if (outcome instanceof Error) throw outcome;
        at.set(outcome.events[0].eventId, acknowledged);
        lastPosition = Math.max(lastPosition, outcome.position);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, flags.appenders) }, appender));
  return { at, lastPosition };
}

interface Delivery {
  readonly complete: boolean;
  /** When the relay's checkpoint reached the last appended position. */
  readonly publishedAt?: number;
}

/**
 * Waits until every appended event has reached the handler and the relay has checkpointed past the last one.
 * Polls cheaply (each id is looked up until found, once) so as to steal little time from the consumer.
 */
async function watchDelivery(received: Map<string, number>, appended: Appended, relay: EventRelay): Promise<Delivery> {
  const wanted = [...appended.at.keys()];
  const deadline = performance.now() + flags.timeout * 1000;
  let found = 0;
  let publishedAt: number | undefined;
  while (performance.now() < deadline) {
    if (publishedAt === undefined && relay.checkpoint() >= appended.lastPosition) publishedAt = performance.now();
    while (found < wanted.length && received.has(wanted[found])) found += 1;
    if (found === wanted.length && publishedAt !== undefined) return { complete: true, publishedAt };
    await sleep(5);
  }
  return { complete: found === wanted.length, publishedAt };
}

async function endToEnd(db: Db, kafka: Kafka, topics: TopicNames, logger: Logger, times: CommandTimes, runId: string, endpoints: InfraEndpoints) {
  const store = new EventStore(db, { catalogue: platformCatalogue });
  await store.ensureIndexes();
  await ensureTopics(kafka, [{ topic: topics.events(VisitLogged.context), numPartitions: PARTITIONS }]);
  const consumer = flags['consumer-in-process'] ? consumerInProcess(db, kafka, topics, logger) : consumerInItsOwnProcess(db, endpoints, runId);
  const { received } = consumer;
  const relay = new EventRelay({ name: 'bench-relay', db, store, kafka, topics, catalogue: platformCatalogue, logger, batchSize: flags['relay-batch'] });
  await consumer.start();
  await relay.start();
  try {
    // Warm-up: the group has joined, the relay holds its lease, connections are open and the servers' JITs warm.
    const warmup = await appendAll(store, appendRequests('warmup', flags.warmup, `${runId}-warmup`));
    if (!(await watchDelivery(received, warmup, relay)).complete) throw new Error('the warm-up events never arrived');
    const deliveredBefore = consumer.deliveries();

    const calls = appendRequests('visit', flags.events, runId);
    times.phase('end to end');
    const started = performance.now();
    const appended = await appendAll(store, calls);
    const appendedAt = performance.now();
    const delivery = await watchDelivery(received, appended, relay);
    times.phase('after');
    const latencies: number[] = [];
    let lastReceived = started;
    for (const [id, at] of appended.at) {
      const receivedAt = received.get(id);
      if (receivedAt === undefined) continue;
      latencies.push(receivedAt - at);
      lastReceived = Math.max(lastReceived, receivedAt);
    }
    if (!delivery.complete) {
      process.stderr.write(`only ${latencies.length} of ${flags.events} events arrived within ${flags.timeout} s\n`);
    }
    const elapsedMs = lastReceived - started;
    const stageRate = (at: number | undefined) => (at === undefined ? NaN : perSecond(flags.events, at - started));
    return {
      measurement: {
        count: latencies.length,
        elapsedMs,
        perSecond: delivery.complete ? perSecond(latencies.length, elapsedMs) : 0,
        latencyMs: percentiles(latencies),
      },
      stages: {
        appendedPerSecond: stageRate(appendedAt),
        publishedPerSecond: stageRate(delivery.publishedAt),
        receivedPerSecond: delivery.complete ? stageRate(lastReceived) : NaN,
      },
      received: latencies.length,
      duplicates: consumer.deliveries() - deliveredBefore - latencies.length,
    } satisfies EndToEnd;
  } finally {
    await relay.stop();
    await consumer.stop();
  }
}

/** The end-to-end run's consumer: when its handler saw each event (this process's `performance.now()` scale). */
interface BenchConsumer {
  readonly received: Map<string, number>;
  deliveries(): number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

function consumerInProcess(db: Db, kafka: Kafka, topics: TopicNames, logger: Logger): BenchConsumer {
  const received = new Map<string, number>();
  let deliveries = 0;
  const consumer = new EventConsumer(
    consumerOptions(db, kafka, topics, logger, (eventId) => {
      deliveries += 1;
      if (!received.has(eventId)) received.set(eventId, performance.now());
    }),
  );
  return { received, deliveries: () => deliveries, start: () => consumer.start(), stop: () => consumer.stop() };
}

/** The consumer in a child process (`support/consumer-child.ts`), reporting over IPC what it received and when. */
function consumerInItsOwnProcess(db: Db, endpoints: InfraEndpoints, namespace: string): BenchConsumer {
  const received = new Map<string, number>();
  let deliveries = 0;
  let child: ReturnType<typeof fork> | undefined;
  return {
    received,
    deliveries: () => deliveries,
    start: () =>
      new Promise<void>((resolve, reject) => {
        child = fork(join(__dirname, 'support', 'consumer-child.ts'), [], {
          execArgv: ['--require', 'tsx/cjs'],
          env: {
            ...process.env,
            TSX_TSCONFIG_PATH: join(__dirname, '..', 'tsconfig.base.json'),
            MONGO_URL: endpoints.mongoUrl,
            DB_NAME: db.databaseName,
            KAFKA_BROKERS: endpoints.kafkaBrokers.join(','),
            TOPIC_NAMESPACE: namespace,
          },
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        });
        child.on('message', (message: { kind: 'started' } | ConsumerChildReport) => {
          if (message.kind === 'started') resolve();
          if (message.kind !== 'received') return;
          deliveries = message.deliveries;
          message.eventIds.forEach((eventId, index) => {
            // Epoch milliseconds of the child, on this process's performance.now() scale.
            if (!received.has(eventId)) received.set(eventId, (message.at[index] as number) - performance.timeOrigin);
          });
        });
        child.once('exit', (code) => reject(new Error(`the consumer process exited with ${code} before it started`)));
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (!child || child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child?.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.send({ kind: 'stop' });
      }),
  };
}

/** Leaves nothing behind on servers given by the environment; on the bench's own servers it is cheap. */
async function cleanUp(kafka: Kafka, db: Db, topicNames: readonly string[]): Promise<void> {
  await db.dropDatabase();
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    await admin.deleteTopics({ topics: topicNames.filter((topic) => existing.has(topic)) });
  } finally {
    await admin.disconnect();
  }
}

async function main(): Promise<void> {
  const infra = await startBenchInfra({ durable: false, kafkaPort: flags['kafka-port'], mongoPort: flags['mongo-port'] });
  const client = await new MongoClient(infra.endpoints.mongoUrl, { monitorCommands: true }).connect();
  // Warnings (a relay step that failed and was retried, kafkajs notices) go to stderr, the tables to stdout.
  const logger = createLogger({ service: 'bench-relay', level: 'warn', destination: process.stderr });
  const kafka = createKafka({ brokers: infra.endpoints.kafkaBrokers, clientId: 'bench-relay' }, logger);
  const runId = `bench_relay_${randomBytes(3).toString('hex')}`;
  const topics = new TopicNames(runId);
  const rawTopic = new TopicNames(`${runId}_raw`).events(VisitLogged.context);
  const db = client.db(runId);
  try {
    const times = new CommandTimes(client);
    const eventBytes = envelopeBytes(visitEnvelope(visitStream('visit', 0), 1, pendingVisit(0, runId), new Date()));
    process.stdout.write(
      `relay benchmark: ${flags.events} events of ${eventBytes} B, appended in batches of ${flags.batch} by ${flags.appenders} appenders; ` +
        `consumer ${flags['consumer-in-process'] ? 'in this process' : 'in a process of its own'}; ` +
        `topics of ${PARTITIONS} partitions; mongo ${infra.backend}\n`,
    );
    const raw = await baseline(kafka, rawTopic, runId);
    const e2e = await endToEnd(db, kafka, topics, logger, times, runId, infra.endpoints);
    const ratio = e2e.measurement.perSecond / raw.perSecond;

    printTable(`throughput (latency: raw = one sendBatch of ${BASELINE_BATCH}; end to end = append acknowledged → handler called)`, [
      measurementHeader,
      measurementRow(`raw sendBatch (${BASELINE_BATCH}, idempotent, acks -1)`, raw),
      measurementRow('end to end (appendMany → relay → consumer)', e2e.measurement, ratio),
    ]);
    const rate = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '-');
    printTable('stages of the end-to-end run (events/s from the first append until the stage was done for all)', [
      ['stage', 'events/s'],
      ['appended (appendMany acknowledged)', rate(e2e.stages.appendedPerSecond)],
      ['published (relay checkpoint past the last)', rate(e2e.stages.publishedPerSecond)],
      ['received (handler called)', rate(e2e.stages.receivedPerSecond)],
    ]);
    process.stdout.write(`\n${e2e.received} of ${flags.events} events received, ${e2e.duplicates} duplicate deliveries\n`);
    const commands = times.take()['end to end'] ?? [];
    printCommandTimes('database commands during the end-to-end run (appender, relay and consumer together)', commands);
    printTable('ratio to the raw baseline of the same run', [
      ['measure', 'ratio', 'target', 'verdict'],
      ['end-to-end events/s / raw producer msg/s', ratioText(ratio), `≥ ${TARGET}`, verdict(ratio, TARGET)],
    ]);

    const file = writeResult('relay', {
      name: 'relay',
      finishedAt: new Date().toISOString(),
      backend: infra.backend,
      machine: machine(),
      options: {
        events: flags.events,
        batch: flags.batch,
        appenders: flags.appenders,
        consumerInProcess: flags['consumer-in-process'],
        warmup: flags.warmup,
        baselineBatch: BASELINE_BATCH,
        partitions: PARTITIONS,
      },
      eventBytes,
      target: TARGET,
      baseline: raw,
      endToEnd: e2e,
      ratio,
      verdict: verdict(ratio, TARGET),
      commands,
    });
    process.stdout.write(`\nresults written to ${file}\n`);
  } finally {
    await cleanUp(kafka, db, [rawTopic, topics.events(VisitLogged.context), topics.deadLetters('bench-consumer')]).catch(
      (error: unknown) => process.stderr.write(`clean-up failed: ${String(error)}\n`),
    );
    await client.close();
    await infra.stop();
  }
}

runBench('relay', main);
