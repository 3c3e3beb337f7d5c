import { z } from 'zod';

export const actorSchema = z
  .object({
    kind: z.enum(['person', 'client', 'system']),
    id: z.string().min(1).max(200),
  })
  .strict();

/** Who caused an event: a signed-in person, an integrating agency's client, or the platform itself. */
export type Actor = z.infer<typeof actorSchema>;

const isoInstant = z.iso.datetime({ offset: true });

/**
 * The metadata every event carries, whatever its payload. It is immutable once stored: a correction is a new event.
 * `aggregateVersion` is the event's place in its stream (1, 2, …); `occurredAt` is when it happened in the world
 * (a visit logged late keeps its visit date), `recordedAt` when the platform stored it.
 */
export const envelopeSchema = z
  .object({
    eventId: z.uuid(),
    type: z.string().regex(/^[A-Z][A-Za-z]+$/, 'must be an event type name such as HouseholdRegistered'),
    schemaVersion: z.number().int().min(1),
    aggregateType: z.string().regex(/^[a-z][a-z-]*$/, 'must be a lower-case aggregate type'),
    aggregateId: z.string().min(1).max(200),
    aggregateVersion: z.number().int().min(1),
    occurredAt: isoInstant,
    recordedAt: isoInstant,
    correlationId: z.string().min(1).max(200),
    causationId: z.string().min(1).max(200).nullable(),
    actor: actorSchema,
    data: z.unknown(),
  })
  .strict();

export interface EventEnvelope<TType extends string = string, TData = unknown> {
  readonly eventId: string;
  readonly type: TType;
  readonly schemaVersion: number;
  readonly aggregateType: string;
  readonly aggregateId: string;
  readonly aggregateVersion: number;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: Actor;
  readonly data: TData;
}

/** Where a command came from, carried into every event it produces. */
export interface EventMetadata {
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: Actor;
}
