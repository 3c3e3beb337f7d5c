import { VisitLogged, type DataOf, type EventEnvelope, type EventMetadata } from '@khu-siao/contracts';
import { eventIdsFor, streamIdOf, type PendingEvent, type StreamRef } from '@khu-siao/event-store';

/**
 * Deterministic VisitLogged events of a realistic size: a care visit with a couple of needs found, a survival bag
 * handed over and a referral, their text sealed as the pairings service seals it. Text varies with the
 * index so that documents are not byte-identical, but the same index always gives the same event, run after run.
 */

const needs = ['leaking roof', 'school uniforms', 'disability card', 'informal debt', 'no safe water'];

const referrals = ['health centre', 'social welfare office', 'community college'];

/**
 * The shape and size of a sealed field (`pd1.` + base64url of a 12-byte IV, a 16-byte tag and the ciphertext, as
 * long as the text), without a key: the store checks only the shape; nothing here is ever opened.
 */
const sealed = (text: string): string => `pd1.${Buffer.concat([Buffer.alloc(28, 7), Buffer.from(text, 'utf8')]).toString('base64url')}`;

const metadata: EventMetadata = {
  correlationId: 'bench-0001',
  causationId: null,
  actor: { kind: 'person', id: 'official-0042' },
};

const occurredAt = '2022-01-20T10:00:00.000+07:00';

export const visitStream = (label: string, index: number): StreamRef => ({
  aggregateType: VisitLogged.aggregateType,
  aggregateId: `${label}-${index}`,
});

function visitData(index: number): DataOf<typeof VisitLogged> {
  return {
    visitId: `visit-${index}`,
    householdId: `hh-${String(index % 50_000).padStart(6, '0')}`,
    officialIds: ['official-0042'],
    visitedOn: '2022-01-20',
    processStep: 'care',
    dimensionsDiscussed: ['health', 'income'],
    needsFound: [sealed(needs[index % needs.length]), sealed(needs[(index + 2) % needs.length])],
    helpGiven: [
      {
        kind: 'inKind',
        description: sealed('survival bag: rice, fish, oil, soap'),
        value: 50_000 + (index % 7) * 1_000,
      },
    ],
    referrals: [sealed(referrals[index % referrals.length])],
  };
}

/** The event a command would hand to the store; `key` makes its id unique within the run and reproducible. */
export function pendingVisit(index: number, key: string): PendingEvent {
  const [eventId] = eventIdsFor(1, `${key}-${index}`);
  return { eventId, type: VisitLogged.type, occurredAt, metadata, data: visitData(index) };
}

/** The envelope the store would make of that event at `version` of its stream, for the raw baselines. */
export function visitEnvelope(stream: StreamRef, version: number, event: PendingEvent, recordedAt: Date): EventEnvelope {
  return {
    eventId: event.eventId,
    type: event.type,
    schemaVersion: VisitLogged.schemaVersion,
    aggregateType: stream.aggregateType,
    aggregateId: stream.aggregateId,
    aggregateVersion: version,
    occurredAt: event.occurredAt ?? recordedAt.toISOString(),
    recordedAt: recordedAt.toISOString(),
    correlationId: event.metadata.correlationId,
    causationId: event.metadata.causationId,
    actor: event.metadata.actor,
    data: event.data,
  };
}

/** The shape of the store's commit document (one event per commit), built without the store. */
export function rawCommit(position: number, stream: StreamRef, event: PendingEvent, recordedAt: Date): RawCommit {
  return {
    _id: position,
    streamId: streamIdOf(stream),
    prev: 0,
    last: 1,
    follows: `${streamIdOf(stream)}@0`,
    ends: `${streamIdOf(stream)}@1`,
    eventIds: [event.eventId],
    events: [visitEnvelope(stream, 1, event, recordedAt)],
    recordedAt,
  };
}

export interface RawCommit {
  readonly _id: number;
  readonly streamId: string;
  readonly prev: number;
  readonly last: number;
  readonly follows: string;
  readonly ends: string;
  readonly eventIds: string[];
  readonly events: EventEnvelope[];
  readonly recordedAt: Date;
}

export const envelopeBytes = (envelope: EventEnvelope): number => Buffer.byteLength(JSON.stringify(envelope));

/** Splits `items` into consecutive slices of at most `size`. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}
