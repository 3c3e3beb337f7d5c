import type { IHeaders, Message } from 'kafkajs';
import { eventHeaders, type EventEnvelope } from '@khu-siao/contracts';

/** Where a relay found an event: the log it read and the event's place within its commit. */
export interface LogPlace {
  readonly logId: string;
  readonly index: number;
}

/**
 * The Kafka form of a stored event: keyed by aggregate id so one aggregate's events share a partition, in order.
 * A relay names its log and the event's place in its commit: consumers then recognise a message already handled by
 * its place in that log, without looking its event id up (see EventConsumer).
 */
export function eventMessage(event: EventEnvelope, position: number, place?: LogPlace): Message {
  return {
    key: event.aggregateId,
    value: JSON.stringify(event),
    headers: {
      [eventHeaders.eventId]: event.eventId,
      [eventHeaders.eventType]: event.type,
      [eventHeaders.schemaVersion]: String(event.schemaVersion),
      [eventHeaders.aggregateType]: event.aggregateType,
      [eventHeaders.correlationId]: event.correlationId,
      ...(event.causationId ? { [eventHeaders.causationId]: event.causationId } : {}),
      [eventHeaders.position]: String(position),
      ...(place ? { [eventHeaders.logId]: place.logId, [eventHeaders.logIndex]: String(place.index) } : {}),
    },
  };
}

export function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  if (value === undefined) return undefined;
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}
