import type { IHeaders, Message } from 'kafkajs';
import { eventHeaders, type EventEnvelope } from '@khu-siao/contracts';

/** The Kafka form of a stored event: keyed by aggregate id so one aggregate's events share a partition, in order. */
export function eventMessage(event: EventEnvelope, position: number): Message {
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
    },
  };
}

export function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  if (value === undefined) return undefined;
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}
