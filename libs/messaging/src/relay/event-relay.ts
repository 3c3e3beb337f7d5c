import { randomUUID } from 'node:crypto';
import type { Collection, Db } from 'mongodb';
import type { Kafka, Producer, TopicMessages } from 'kafkajs';
import { platformCatalogue, type EventCatalogue, type EventDefinition, type TopicNames } from '@khu-siao/contracts';
import { EventStore, type EventLog, type LogCommit } from '@khu-siao/event-store';
import type { Logger } from '@khu-siao/observability';
import { eventMessage } from '../kafka/event-message';
import { Lease } from './lease';

export interface EventRelayOptions {
  readonly name: string;
  readonly db: Db;
  readonly store: EventStore;
  readonly kafka: Kafka;
  readonly topics: TopicNames;
  readonly catalogue: EventCatalogue<readonly EventDefinition[]>;
  readonly logger: Logger;
  /** The most events read and sent at once (default 2,000); a page the broker finds too large is sent in halves. */
  readonly batchSize?: number;
  /** How long to sleep when the log has nothing new and no local append wakes the relay. */
  readonly idleMs?: number;
  readonly gapTimeoutMs?: number;
  readonly leaseTtlMs?: number;
}

interface RelayCheckpoint {
  _id: string;
  position: number;
  updatedAt: Date;
}

/** The relay's page when none is configured: one request carries what the log holds, up to this many events. */
export const DEFAULT_RELAY_PAGE = 2_000;

const CHECKPOINTS = 'relay_checkpoints';

/** The log position up to which the relay named `name` has published, as stored (0 before its first page). */
async function relayedPosition(db: Db, name: string): Promise<number> {
  const checkpoint = await db.collection<RelayCheckpoint>(CHECKPOINTS).findOne({ _id: name });
  return checkpoint?.position ?? 0;
}

/**
 * How many positions of the log in `db` the relay named `name` (a service's relay is named after the service) has not
 * published yet, as seen from another process: its stored checkpoint against the log's head.
 */
export async function relayLagOf(db: Db, name: string): Promise<number> {
  const head = await new EventStore(db, { catalogue: platformCatalogue }).log().head();
  return Math.max(0, head - (await relayedPosition(db, name)));
}

/**
 * Publishes every stored event to Kafka at least once, in log order: read a page after the checkpoint, send it
 * with an idempotent producer (acks from all replicas), then move the checkpoint, stored while the next page is read
 * and sent. A crash before a page's checkpoint is stored re-sends that page; consumers drop the duplicates by their
 * position in the log, which every message carries with the log's id.
 *
 * One request at a time (the idempotent producer keeps order only so), so the page is what sets the rate under load:
 * a backlog goes out in pages of up to `batchSize` events.
 */
export class EventRelay {
  private readonly log: EventLog;
  private readonly checkpoints: Collection<RelayCheckpoint>;
  private readonly lease: Lease;
  private producer: Producer;
  /** The store's log id, read when the lease is taken; sent with every event. */
  private logId?: string;
  private position = 0;
  private holding = false;
  private running?: Promise<void>;
  private stopping = false;
  private wake?: () => void;
  /** An append arrived while the relay was busy: the next sleep returns at once. */
  private nudged = false;
  private leaseRenewedAt = 0;
  private unsubscribe?: () => void;
  /** The checkpoint being stored while the next page is read and sent; settles to its error, if any. */
  private storing: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: EventRelayOptions) {
    this.log = options.store.log({ gapTimeoutMs: options.gapTimeoutMs });
    this.checkpoints = options.db.collection<RelayCheckpoint>(CHECKPOINTS);
    this.lease = new Lease(
      options.db,
      `relay:${options.name}`,
      `${options.name}:${randomUUID()}`,
      options.leaseTtlMs ?? 10_000,
    );
    this.producer = this.newProducer();
  }

  async start(): Promise<void> {
    await this.producer.connect();
    this.unsubscribe = this.options.store.onAppended(() => {
      this.nudged = true;
      this.wake?.();
    });
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    this.unsubscribe?.();
    await this.running;
    await this.storing;
    if (this.holding) await this.lease.release().catch(() => undefined);
    await this.producer.disconnect();
  }

  /** The last position published (its checkpoint is stored before the next one). */
  checkpoint(): number {
    return this.position;
  }

  /** How many positions the relay is behind the log's head. */
  async lag(): Promise<number> {
    return Math.max(0, (await this.log.head()) - this.position);
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      try {
        const progressed = await this.step();
        failures = 0;
        if (!progressed) await this.sleep(this.options.idleMs ?? 50);
      } catch (error) {
        failures += 1;
        this.options.logger.warn({ err: error, relay: this.options.name, failures }, 'relay step failed; retrying');
        await this.sleep(Math.min(5_000, 100 * 2 ** Math.min(failures, 6)));
      }
    }
  }

  /** One page; true when it moved the checkpoint (so the next page may follow at once). */
  private async step(): Promise<boolean> {
    if (!(await this.holdLease())) return false;
    const page = await this.log.read(this.position, this.options.batchSize ?? DEFAULT_RELAY_PAGE);
    if (page.commits.length > 0) await this.publish(page.commits);
    if (page.position === this.position) return false;
    await this.checkpointStored();
    const checkpoint = { $set: { position: page.position, updatedAt: new Date() } };
    this.storing = this.checkpoints
      .updateOne({ _id: this.options.name }, checkpoint, { upsert: true })
      .then(() => undefined, (error: unknown) => error);
    this.position = page.position;
    return true;
  }

  /** Waits for the previous checkpoint write; one at a time, so they land in order. Throws what it failed with. */
  private async checkpointStored(): Promise<void> {
    const failure = await this.storing;
    this.storing = Promise.resolve();
    if (failure) throw failure;
  }

  private async publish(commits: readonly LogCommit[]): Promise<void> {
    const topicMessages = this.messagesOf(commits);
    try {
      await this.producer.sendBatch({ topicMessages, acks: -1 });
    } catch (error) {
      // kafkajs retries what can be retried itself; what reaches here failed for good. It has rewound the sequence
      // numbers of every partition of the request, though the broker may have written some of them: sent again by
      // the same producer they would be refused as out of order. A new producer starts afresh (consumers drop
      // what reaches them twice).
      await this.renewProducer();
      if (!isTooLarge(error)) throw error;
      // One partition's share is over the topic's max.message.bytes: the page goes out in halves.
      if (commits.length === 1) {
        throw new Error(
          `the commit at log position ${commits[0].position} is larger than its topic accepts (max.message.bytes)`,
        );
      }
      this.options.logger.warn(
        { relay: this.options.name, commits: commits.length, from: commits[0].position },
        'page too large for the broker; sending it in halves',
      );
      const half = Math.ceil(commits.length / 2);
      await this.publish(commits.slice(0, half));
      await this.publish(commits.slice(half));
    }
  }

  private messagesOf(commits: readonly LogCommit[]): TopicMessages[] {
    const byTopic = new Map<string, TopicMessages>();
    const logId = this.logId;
    if (!logId) throw new Error('the relay publishes only once it has read its log id');
    for (const commit of commits) {
      for (const [index, event] of commit.events.entries()) {
        const definition = this.options.catalogue.definitionOf(event.type);
        if (!definition) throw new Error(`relay cannot route event type ${event.type}`);
        const topic = this.options.topics.events(definition.context);
        const entry = byTopic.get(topic) ?? { topic, messages: [] };
        entry.messages.push(eventMessage(event, commit.position, { logId, index }));
        byTopic.set(topic, entry);
      }
    }
    return [...byTopic.values()];
  }

  private newProducer(): Producer {
    return this.options.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  }

  private async renewProducer(): Promise<void> {
    const previous = this.producer;
    this.producer = this.newProducer();
    await previous.disconnect().catch(() => undefined);
    await this.producer.connect();
  }

  /** Renews the lease at a third of its time to live, not on every page. */
  private async holdLease(): Promise<boolean> {
    const ttl = this.options.leaseTtlMs ?? 10_000;
    if (this.holding && Date.now() - this.leaseRenewedAt < ttl / 3) return true;
    if (!(await this.lease.hold())) {
      this.holding = false;
      return false;
    }
    this.leaseRenewedAt = Date.now();
    if (!this.holding) {
      await this.storing;
      this.logId = await this.options.store.logId();
      this.position = await relayedPosition(this.options.db, this.options.name);
      this.holding = true;
    }
    return true;
  }

  private sleep(ms: number): Promise<void> {
    if (this.nudged || this.stopping) {
      this.nudged = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        this.nudged = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}

/** The broker's answer to a record batch over the topic's size limit (kafkajs passes it on, wrapped or not). */
function isTooLarge(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const type = (cause as { type?: unknown }).type;
    if (type === 'MESSAGE_TOO_LARGE' || type === 'RECORD_LIST_TOO_LARGE') return true;
    if (cause.cause === cause) break;
  }
  return false;
}
