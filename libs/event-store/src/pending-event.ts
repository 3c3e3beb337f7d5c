import { v5 as uuidV5, v7 as uuidV7 } from 'uuid';
import type { EventEnvelope, EventMetadata } from '@khu-siao/contracts';

/** An event a command decided on, before the store gives it its place in the stream and its recording time. */
export interface PendingEvent<TType extends string = string, TData = unknown> {
  readonly eventId: string;
  readonly type: TType;
  readonly data: TData;
  /** When it happened in the world; defaults to when it is recorded. */
  readonly occurredAt?: string;
  readonly metadata: EventMetadata;
}

/** An event as a decider emits and folds it: its type and payload, before the store wraps it in an envelope. */
export interface DomainEvent<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly data: TData;
}

/**
 * Where an aggregate's events live: one stream per aggregate instance. `TEvent` names the events the stream holds
 * (the catalogue refuses any event whose definition belongs to another aggregate type), so a read is typed.
 */
export interface StreamRef<TEvent extends DomainEvent = DomainEvent> {
  readonly aggregateType: string;
  readonly aggregateId: string;
  /** Never set: carries the stream's event union for the compiler only. */
  readonly holds?: readonly TEvent[];
}

/** A stream of one aggregate instance holding `TEvent`s. */
export function streamOf<TEvent extends DomainEvent>(aggregateType: string, aggregateId: string): StreamRef<TEvent> {
  return { aggregateType, aggregateId };
}

/** An event as stored and read back: its envelope with the type and payload of one event of the stream's union. */
export type StoredEvent<TEvent extends DomainEvent> = Omit<EventEnvelope, 'type' | 'data'> & TEvent;

export const streamIdOf = (stream: Pick<StreamRef, 'aggregateType' | 'aggregateId'>): string => `${stream.aggregateType}-${stream.aggregateId}`;

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
