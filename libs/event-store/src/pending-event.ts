import { v5 as uuidV5, v7 as uuidV7 } from 'uuid';
import type { EventMetadata } from '@khu-siao/contracts';

/** An event a command decided on, before the store gives it its place in the stream and its recording time. */
export interface PendingEvent<TType extends string = string, TData = unknown> {
  readonly eventId: string;
  readonly type: TType;
  readonly data: TData;
  /** When it happened in the world; defaults to when it is recorded. */
  readonly occurredAt?: string;
  readonly metadata: EventMetadata;
}

/** Where an aggregate's events live: one stream per aggregate instance. */
export interface StreamRef {
  readonly aggregateType: string;
  readonly aggregateId: string;
}

export const streamIdOf = (stream: StreamRef): string => `${stream.aggregateType}-${stream.aggregateId}`;

const eventIdNamespace = '5f0f3c1e-9b0a-4d7e-8a53-6b2f1c0e7d41';

/**
 * Event ids are time-ordered UUIDs; a command that carries an idempotency key gets ids derived from it, so that a
 * client's retry of the same command produces the same ids and the store appends it once.
 */
export function eventIdsFor(count: number, idempotencyKey?: string): string[] {
  return Array.from({ length: count }, (_, index) =>
    idempotencyKey ? uuidV5(`${idempotencyKey}#${index}`, eventIdNamespace) : uuidV7(),
  );
}
