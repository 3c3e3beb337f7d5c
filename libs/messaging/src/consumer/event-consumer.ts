import type { Db } from 'mongodb';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { ContractViolation, type EventCatalogue, type EventDefinition, type EventEnvelope } from '@khu-siao/contracts';
import { withCorrelation, type Logger } from '@khu-siao/observability';
import { ensureTopics } from '../kafka/topic-admin';
import { sendToDeadLetters } from './dead-letters';
import { Inbox, type HandledEvent } from './inbox';
import { LogProgress, logOrigin, type LogOrigin } from './log-progress';
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

/** A message as sorted before the batch's inbox lookup. */
type Triaged =
  /** At or below the place already processed in its log: a copy, passed over unread. */
  | { readonly kind: 'seen' }
  /** To be parked: not JSON, or an envelope that breaks the contract. */
  | { readonly kind: 'invalid'; readonly reason: string }
  /** A valid envelope of a type this consumer does not handle: passed over. */
  | { readonly kind: 'passed' }
  /** Of a type this consumer handles, not validated yet. */
  | { readonly kind: 'wanted'; readonly raw: unknown; readonly eventId: string };

const defaultRetry: RetryPolicy = { attempts: 5, initialDelayMs: 100, maxDelayMs: 5_000 };

/**
 * Consumes events with the guarantees every service relies on: each event handled once per group, transient
 * failures retried with backoff, a message that still fails parked on the dead-letter topic with its reason while
 * consumption goes on, and offsets committed only after the messages before them are done.
 *
 * Once per group: a message a relay published carries its log's id and its place there, and the partition's
 * checkpoint keeps the furthest place processed per log (`LogProgress`): a copy at or below it is passed over. A message
 * without them (from another producer) is looked up by event id in the inbox. Either record costs one read before
 * a Kafka batch and one write after it, not one per event, and is stored before the batch's offsets are committed:
 * a crash in between re-runs the handlers of up to one batch on redelivery (see `Inbox`), never more.
 */
export class EventConsumer {
  private readonly consumer: Consumer;
  private readonly producer: Producer;
  private readonly inbox: Inbox;
  private readonly progress: LogProgress;
  private readonly retry: RetryPolicy;

  constructor(private readonly options: EventConsumerOptions) {
    this.consumer = options.kafka.consumer({ groupId: options.groupId, allowAutoTopicCreation: false });
    this.producer = options.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    this.inbox = new Inbox(options.db, options.groupId);
    this.progress = new LogProgress(options.db, options.groupId);
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
    const processedUpTo = await this.progress.read(topic, partition);
    const origins = batch.messages.map((message) => logOrigin(message.headers));
    const triaged = batch.messages.map((message, index) => this.triage(message, origins[index], processedUpTo));
    // One inbox query for the batch's messages that carry no place in a log, instead of one per message.
    const alreadyHandled = await this.inbox.handledAmong(
      triaged.flatMap((entry, index) => (entry.kind === 'wanted' && !origins[index] ? [entry.eventId] : [])),
    );
    const done: Done = { first: undefined, last: undefined, logs: new Map(), unpositioned: [] };
    try {
      for (const [index, message] of batch.messages.entries()) {
        if (!isRunning() || isStale()) break;
        const origin = origins[index];
        // A copy later in this same batch is known by the place just processed.
        const copy = origin !== undefined && origin.sequence <= (processedUpTo.get(origin.logId) ?? 0);
        const event = copy
          ? undefined
          : await this.process(topic, partition, message, triaged[index], alreadyHandled, heartbeat);
        if (origin && !copy) {
          processedUpTo.set(origin.logId, origin.sequence);
          done.logs.set(origin.logId, origin.sequence);
        }
        if (event && !origin) {
          // A second delivery of the same event later in this batch is skipped like one found in the inbox.
          alreadyHandled.add(event.eventId);
          done.unpositioned.push({ eventId: event.eventId, type: event.type });
        }
        resolveOffset(message.offset);
        done.first ??= message.offset;
        done.last = message.offset;
        await heartbeat();
      }
    } catch (error) {
      // What was done before the failure is recorded all the same, so that its redelivery is recognised.
      // (A failure to record is logged, and rewinds the partition, in record: the first error is the one thrown.)
      await this.record(topic, partition, done).catch(() => undefined);
      throw error;
    }
    await this.record(topic, partition, done);
    if (done.last === undefined) return;
    await this.consumer.commitOffsets([{ topic, partition, offset: next(done.last) }]);
  }

  /**
   * Records what the batch did (places per log, and the inbox entries of events without one) before its offsets
   * are committed. Those offsets are already resolved, so when the record fails the partition is rewound to the
   * batch's first processed message: kafkajs would otherwise fetch past messages processed but not recorded. Their
   * redelivery re-runs those handlers (and re-parks what was parked among them).
   */
  private async record(topic: string, partition: number, done: Done): Promise<void> {
    if (done.first === undefined || done.last === undefined) return;
    try {
      await Promise.all([
        this.inbox.mark(done.unpositioned),
        this.progress.record(topic, partition, next(done.last), done.logs),
      ]);
    } catch (error) {
      this.options.logger.error(
        { topic, partition, offset: done.first, reason: describe(error) },
        'recording the handled events failed; rewinding the partition to redeliver them',
      );
      this.consumer.seek({ topic, partition, offset: done.first });
      throw error;
    }
  }

  /**
   * Everything about a message that can be known before touching the database. A message of a type this consumer
   * handles is only peeked at here (its id and type): it is validated once, by `catalogue.read`, if the inbox does
   * not have it yet. Any other message has its envelope validated (not its payload), so a broken one is parked.
   */
  private triage(message: KafkaMessage, origin: LogOrigin | undefined, processedUpTo: ReadonlyMap<string, number>): Triaged {
    if (origin && origin.sequence <= (processedUpTo.get(origin.logId) ?? 0)) return { kind: 'seen' };
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
    if (triaged.kind === 'passed' || triaged.kind === 'seen') return undefined;
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

/** What a batch has processed so far, to be recorded before its offsets are committed. */
interface Done {
  /** Offsets of the first and last message processed. */
  first: string | undefined;
  last: string | undefined;
  /** The furthest sequence processed per log. */
  readonly logs: Map<string, number>;
  /** Events handled that carry no place in a log: recorded in the inbox. */
  readonly unpositioned: HandledEvent[];
}

const next = (offset: string) => (BigInt(offset) + 1n).toString();

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
