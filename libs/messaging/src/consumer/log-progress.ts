import type { Collection, Db } from 'mongodb';
import type { IHeaders } from 'kafkajs';
import { eventHeaders } from '@khu-siao/contracts';
import { headerText } from '../kafka/event-message';
import { INBOX_COLLECTION } from './inbox';

/** Where a message stands in the log of the store whose relay published it. */
export interface LogOrigin {
  readonly logId: string;
  /** Its commit's position and its index within that commit, as one increasing number (`logSequence`). */
  readonly sequence: number;
}

/** Events one commit may hold, as far as a sequence number goes (the store allows 500). */
const EVENTS_PER_POSITION = 2 ** 20;

/**
 * An event's place in its log as one number that grows along the log: its commit's position × 2^20 plus its index
 * in the commit. Exact for positions below 2^33 (8.5 billion commits); undefined beyond, or for an index over 2^20.
 */
export function logSequence(position: number, index: number): number | undefined {
  const sequence = position * EVENTS_PER_POSITION + index;
  if (!Number.isSafeInteger(position) || position < 1 || !Number.isSafeInteger(index) || index < 0) return undefined;
  if (index >= EVENTS_PER_POSITION || !Number.isSafeInteger(sequence)) return undefined;
  return sequence;
}

/**
 * A consumer group's checkpoint of one partition: the next offset (reported as lag) and, per publishing log, the
 * highest position processed. `_id` is `group:topic:partition`, so each partition has one writer at a time.
 */
export interface ConsumerCheckpoint {
  _id: string;
  group: string;
  topic: string;
  partition: number;
  offset: string;
  /** Highest `logSequence` processed, by log id. */
  logs?: Record<string, number>;
  updatedAt: Date;
}

export const CHECKPOINTS_COLLECTION = 'consumer_checkpoints';

/** A log id as a relay writes it (a UUID): anything else is not trusted as a field name and goes the inbox's way. */
const LOG_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The message's log and place when its relay named them; undefined for a message from anywhere else. */
export function logOrigin(headers: IHeaders | undefined): LogOrigin | undefined {
  const logId = headerText(headers, eventHeaders.logId);
  if (!logId || !LOG_ID.test(logId)) return undefined;
  const number = (name: string) => {
    const text = headerText(headers, name);
    return text !== undefined && /^\d{1,16}$/.test(text) ? Number(text) : NaN;
  };
  const sequence = logSequence(number(eventHeaders.position), number(eventHeaders.logIndex));
  return sequence === undefined ? undefined : { logId, sequence };
}

/**
 * What a consumer group has processed of one partition, by place in the publishing log. A relay publishes its log
 * in order (commit by commit, each commit's events in order) and moves its checkpoint only once a page is
 * acknowledged, so whoever publishes an event (the relay again after a crash, or a successor holding the lease) has
 * had every earlier one acknowledged first: in any one partition each event's first copy comes after the first copy
 * of every earlier one. A message at or below the furthest place processed from its log is therefore a copy (a
 * relay's re-sent page, a redelivery, a replay) and is passed over without a lookup; the record costs one read and
 * one write per Kafka batch, whatever its size.
 */
export class LogProgress {
  private readonly checkpoints: Collection<ConsumerCheckpoint>;

  constructor(
    db: Db,
    private readonly group: string,
  ) {
    this.checkpoints = db.collection<ConsumerCheckpoint>(CHECKPOINTS_COLLECTION);
  }

  /** The furthest sequence processed per log in this partition, as stored (read at the start of every batch). */
  async read(topic: string, partition: number): Promise<Map<string, number>> {
    const checkpoint = await this.checkpoints.findOne({ _id: this.key(topic, partition) }, { projection: { logs: 1 } });
    return new Map(Object.entries(checkpoint?.logs ?? {}));
  }

  /** Stores the partition's next offset and raises each log's sequence to at least the one given. */
  async record(topic: string, partition: number, offset: string, logs: ReadonlyMap<string, number>): Promise<void> {
    const raised = Object.fromEntries([...logs].map(([logId, sequence]) => [`logs.${logId}`, sequence]));
    await this.checkpoints.updateOne(
      { _id: this.key(topic, partition) },
      {
        $set: { group: this.group, topic, partition, offset, updatedAt: new Date() },
        ...(logs.size > 0 ? { $max: raised } : {}),
      },
      { upsert: true },
    );
  }

  private key(topic: string, partition: number): string {
    return `${this.group}:${topic}:${partition}`;
  }
}

/**
 * Makes a consumer group forget which events it has handled (its positions per log and its inbox), so that the
 * next delivery of each, after its offsets are reset, reaches the handlers again: for a replay that must re-run
 * them, with the group stopped. Its handlers must then be idempotent themselves.
 */
export async function forgetHandledEvents(db: Db, group: string): Promise<void> {
  await Promise.all([
    db.collection<ConsumerCheckpoint>(CHECKPOINTS_COLLECTION).deleteMany({ group }),
    db.collection(INBOX_COLLECTION).deleteMany({ group }),
  ]);
}
