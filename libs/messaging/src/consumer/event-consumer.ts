import type { Collection, Db } from 'mongodb';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { ContractViolation, type EventCatalogue, type EventDefinition, type EventEnvelope } from '@khu-siao/contracts';
import { withCorrelation, type Logger } from '@khu-siao/observability';
import { ensureTopics } from '../kafka/topic-admin';
import { sendToDeadLetters } from './dead-letters';
import { Inbox } from './inbox';
import { PoisonMessage } from './poison-message';

export interface HandlerContext {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly attempt: number;
}

export type EventHandler = (event: EventEnvelope, context: HandlerContext) => Promise<void>;

export interface RetryPolicy {
  readonly attempts: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

export interface EventConsumerOptions {
  /** The consumer group, already namespaced; also names the inbox, checkpoints and dead-letter source. */
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly deadLetterTopic: string;
  readonly kafka: Kafka;
  readonly db: Db;
  readonly catalogue: EventCatalogue<readonly EventDefinition[]>;
  readonly logger: Logger;
  /** Which event types this consumer acts on; the others are passed over without reading their payload. */
  readonly handles: (type: string) => boolean;
  readonly handle: EventHandler;
  readonly retry?: Partial<RetryPolicy>;
  /** Partitions processed side by side; one partition (so one aggregate) is always handled in order. */
  readonly partitionsConsumedConcurrently?: number;
}

interface ConsumerCheckpoint {
  _id: string;
  group: string;
  topic: string;
  partition: number;
  offset: string;
  updatedAt: Date;
}

const defaultRetry: RetryPolicy = { attempts: 5, initialDelayMs: 100, maxDelayMs: 5_000 };

/**
 * Consumes events with the guarantees every service relies on: each event handled once per group (inbox by event
 * id), transient failures retried with backoff, a message that still fails parked on the dead-letter topic with
 * its reason while consumption goes on, and offsets committed only after the messages before them are done.
 */
export class EventConsumer {
  private readonly consumer: Consumer;
  private readonly producer: Producer;
  private readonly inbox: Inbox;
  private readonly checkpoints: Collection<ConsumerCheckpoint>;
  private readonly retry: RetryPolicy;

  constructor(private readonly options: EventConsumerOptions) {
    this.consumer = options.kafka.consumer({ groupId: options.groupId, allowAutoTopicCreation: false });
    this.producer = options.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    this.inbox = new Inbox(options.db, options.groupId);
    this.checkpoints = options.db.collection<ConsumerCheckpoint>('consumer_checkpoints');
    this.retry = { ...defaultRetry, ...options.retry };
  }

  async start(): Promise<void> {
    await ensureTopics(this.options.kafka, [{ topic: this.options.deadLetterTopic, numPartitions: 1 }]);
    await this.producer.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [...this.options.topics], fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachBatch: (payload) => this.batch(payload),
    });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
    await this.producer.disconnect();
  }

  private async batch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    let last: string | undefined;
    for (const message of batch.messages) {
      if (!isRunning() || isStale()) break;
      await this.process(batch.topic, batch.partition, message, heartbeat);
      resolveOffset(message.offset);
      last = message.offset;
      await heartbeat();
    }
    if (last === undefined) return;
    const next = (BigInt(last) + 1n).toString();
    await this.consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: next }]);
    await this.checkpoints.updateOne(
      { _id: `${this.options.groupId}:${batch.topic}:${batch.partition}` },
      {
        $set: {
          group: this.options.groupId,
          topic: batch.topic,
          partition: batch.partition,
          offset: next,
          updatedAt: new Date(),
        },
      },
      { upsert: true },
    );
  }

  private async process(topic: string, partition: number, message: KafkaMessage, heartbeat: () => Promise<void>) {
    const parked = (reason: string, attempts: number) =>
      this.park({ topic, partition, message, reason, attempts });
    const raw = parseJson(message.value);
    if (raw === undefined) return parked('value is not a JSON document', 0);
    let envelope: EventEnvelope;
    try {
      envelope = this.options.catalogue.readEnvelope(raw);
    } catch (error) {
      return parked(describe(error), 0);
    }
    if (!this.options.handles(envelope.type) || (await this.inbox.has(envelope.eventId))) return;
    let event: EventEnvelope;
    try {
      event = this.options.catalogue.read(envelope) as EventEnvelope;
    } catch (error) {
      return parked(describe(error), 0);
    }
    const correlation = { correlationId: event.correlationId, causationId: event.eventId };
    for (let attempt = 1; ; attempt += 1) {
      try {
        await withCorrelation(correlation, () =>
          this.options.handle(event, { topic, partition, offset: message.offset, attempt }),
        );
        await this.inbox.mark(event.eventId, event.type);
        return;
      } catch (error) {
        const final = error instanceof PoisonMessage || error instanceof ContractViolation || attempt >= this.retry.attempts;
        this.options.logger.warn(
          { eventId: event.eventId, type: event.type, attempt, final, reason: describe(error) },
          'event handler failed',
        );
        if (final) return parked(describe(error), attempt);
        await this.backoff(attempt, heartbeat);
      }
    }
  }

  private async park(letter: Parameters<typeof sendToDeadLetters>[3]): Promise<void> {
    await sendToDeadLetters(this.producer, this.options.deadLetterTopic, this.options.groupId, letter);
    this.options.logger.error(
      { topic: letter.topic, partition: letter.partition, offset: letter.message.offset, reason: letter.reason },
      'message sent to dead letters',
    );
  }

  private async backoff(attempt: number, heartbeat: () => Promise<void>): Promise<void> {
    const delay = Math.min(this.retry.maxDelayMs, this.retry.initialDelayMs * 2 ** (attempt - 1));
    await new Promise((resolve) => setTimeout(resolve, delay));
    await heartbeat();
  }
}

/** A reason fit for a header and a log line: the error's class and message, never a stack or a payload. */
function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/** JSON.parse's own error quotes the input, which may hold personal data: its message is never passed on. */
function parseJson(value: Buffer | null): unknown {
  if (!value) return undefined;
  try {
    return JSON.parse(value.toString());
  } catch {
    return undefined;
  }
}
