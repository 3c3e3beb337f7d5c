import type { Actor } from '@khu-siao/contracts';
import { eventIdsFor, type DomainEvent, type PendingEvent } from '@khu-siao/event-store';
import { currentCorrelation } from '@khu-siao/observability';

/**
 * Wraps what a decider emitted for appending: ids (derived from the client's Idempotency-Key when there is one, so
 * a retry is appended once), and the correlation of the request or message being handled, with its actor.
 */
export function pendingEventsFor(
  events: readonly DomainEvent[],
  actor: Actor,
  options: { readonly idempotencyKey?: string; readonly occurredAt?: (event: DomainEvent, index: number) => string | undefined } = {},
): PendingEvent[] {
  const ids = eventIdsFor(events.length, options.idempotencyKey);
  const correlation = currentCorrelation();
  return events.map((event, index) => ({
    eventId: ids[index],
    type: event.type,
    data: event.data,
    occurredAt: options.occurredAt?.(event, index),
    metadata: { correlationId: correlation?.correlationId ?? ids[0], causationId: correlation?.causationId ?? null, actor },
  }));
}
