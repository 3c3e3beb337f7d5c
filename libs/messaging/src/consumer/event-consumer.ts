import type { Collection, Db } from 'mongodb';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { ContractViolation, type EventCatalogue, type EventDefinition, type EventEnvelope } from '@khu-siao/contracts';
import { withCorrelation, type Logger } from '@khu-siao/observability';
import { ensureTopics } from '../kafka/topic-admin';
import { sendToDeadLetters } from './dead-letters';
import { Inbox, type HandledEvent } from './inbox';
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

/** A message as sorted before the batch's inbox lookup. */
type Triaged =
  /** To be parked: not JSON, or an envelope that breaks the contract. */
  | { readonly kind: 'invalid'; readonly reason: string }
  /** A valid envelope of a type this consumer does not handle: passed over. */
  | { readonly kind: 'passed' }
  /** Of a type this consumer handles, not validated yet. */
  | { readonly kind: 'wanted'; readonly raw: unknown; readonly eventId: string };

const defaultRetry: RetryPolicy = { attempts: 5, initialDelayMs: 100, maxDelayMs: 5_000 };

/**
 * Consumes events with the guarantees every service relies on: each event handled once per group (inbox by event
 * id), transient failures retried with backoff, a message that still fails parked on the dead-letter topic with
 * its reason while consumption goes on, and offsets committed only after the messages before them are done.
 *
 * The inbox costs two database round trips per Kafka batch, not per event: one lookup of all the batch's event ids
 * before its first handler, one write of those handled after its last, before the offsets are committed (see
 * `Inbox` for what a crash in between means).
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
    // The consumed topics too: a consumer may start before the service that publishes them has created them.
    await ensureTopics(this.options.kafka, [
      { topic: this.options.deadLetterTopic, numPartitions: 1 },
      ...this.options.topics.map((topic) => ({ topic })),
    ]);
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
    const { topic, partition } = batch;
    const triaged = batch.messages.map((message) => this.triage(message));
    // One inbox query for the whole batch, instead of one per message.
    const alreadyHandled = await this.inbox.handledAmong(
      triaged.flatMap((entry) => (entry.kind === 'wanted' ? [entry.eventId] : [])),
    );
    const handled: (HandledEvent & { readonly offset: string })[] = [];
    let last: string | undefined;
    try {
      for (const [index, message] of batch.messages.entries()) {
        if (!isRunning() || isStale()) break;
        const event = await this.process(topic, partition, message, triaged[index], alreadyHandled, heartbeat);
        if (event) {
          // A second delivery of the same event later in this batch is skipped like one found in the inbox.
          alreadyHandled.add(event.eventId);
          handled.push({ eventId: event.eventId, type: event.type, offset: message.offset });
        }
        resolveOffset(message.offset);
        last = message.offset;
        await heartbeat();
      }
    } catch (error) {
      // What was handled before the failure is marked all the same, so that its redelivery is recognised.
      // (A failure to mark is logged, and rewinds the partition, in markHandled: the first error is the one thrown.)
      await this.markHandled(topic, partition, handled).catch(() => undefined);
      throw error;
    }
    await this.markHandled(topic, partition, handled);
    if (last === undefined) return;
    const next = (BigInt(last) + 1n).toString();
    // The MongoDB checkpoint only reports lag: it is written beside the Kafka commit rather than after it.
    await Promise.all([
      this.consumer.commitOffsets([{ topic, partition, offset: next }]),
      this.checkpoints.updateOne(
        { _id: `${this.options.groupId}:${topic}:${partition}` },
        { $set: { group: this.options.groupId, topic, partition, offset: next, updatedAt: new Date() } },
        { upsert: true },
      ),
    ]);
  }

  /**
   * Marks the batch's handled events in the inbox, in one write. Their offsets are already resolved, so when the
   * write fails the partition is rewound to the first of them: kafkajs would otherwise fetch past events that are
   * handled but not marked. Their redelivery re-runs those handlers (and re-parks what was parked after them).
   */
  private async markHandled(
    topic: string,
    partition: number,
    handled: readonly (HandledEvent & { readonly offset: string })[],
  ): Promise<void> {
    if (handled.length === 0) return;
    try {
      await this.inbox.mark(handled);
    } catch (error) {
      this.options.logger.error(
        { topic, partition, offset: handled[0].offset, events: handled.length, reason: describe(error) },
        'inbox mark failed; rewinding the partition to redeliver the events not marked',
      );
      this.consumer.seek({ topic, partition, offset: handled[0].offset });
      throw error;
    }
  }

  /**
   * Everything about a message that can be known before touching the database. A message of a type this consumer
   * handles is only peeked at here (its id and type): it is validated once, by `catalogue.read`, if the inbox does
   * not have it yet. Any other message has its envelope validated (not its payload), so a broken one is parked.
   */
  private triage(message: KafkaMessage): Triaged {
    const raw = parseJson(message.value);
    if (raw === undefined) return { kind: 'invalid', reason: 'value is not a JSON document' };
    const eventId = stringField(raw, 'eventId');
    const type = stringField(raw, 'type');
    if (eventId !== undefined && type !== undefined && this.options.handles(type)) {
      return { kind: 'wanted', raw, eventId };
    }
    try {
      this.options.catalogue.readEnvelope(raw);
      return { kind: 'passed' };
    } catch (error) {
      return { kind: 'invalid', reason: describe(error) };
    }
  }

  /** Handles one message (or parks it, or passes over it); the event when its handler succeeded. */
  private async process(
    topic: string,
    partition: number,
    message: KafkaMessage,
    triaged: Triaged,
    alreadyHandled: ReadonlySet<string>,
    heartbeat: () => Promise<void>,
  ): Promise<EventEnvelope | undefined> {
    const parked = async (reason: string, attempts: number) => {
      await this.park({ topic, partition, message, reason, attempts });
      return undefined;
    };
    if (triaged.kind === 'invalid') return parked(triaged.reason, 0);
    if (triaged.kind === 'passed') return undefined;
    if (alreadyHandled.has(triaged.eventId)) {
      // Not handled again; its envelope is still checked, so a message that breaks the contract is parked as ever.
      try {
        this.options.catalogue.readEnvelope(triaged.raw);
      } catch (error) {
        return parked(describe(error), 0);
      }
      return undefined;
    }
    let event: EventEnvelope;
    try {
      event = this.options.catalogue.read(triaged.raw) as EventEnvelope;
    } catch (error) {
      return parked(describe(error), 0);
    }
    const correlation = { correlationId: event.correlationId, causationId: event.eventId };
    for (let attempt = 1; ; attempt += 1) {
      try {
        await withCorrelation(correlation, () =>
          this.options.handle(event, { topic, partition, offset: message.offset, attempt }),
        );
        return event;
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

/** A string property of a parsed JSON value, unvalidated. */
function stringField(raw: unknown, name: string): string | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const value = (raw as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}
