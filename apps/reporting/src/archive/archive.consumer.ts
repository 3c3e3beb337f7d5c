import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { platformCatalogue, type EventEnvelope } from '@khu-siao/contracts';
import { EventStore } from '@khu-siao/event-store';
import type { SecurityServices } from '@khu-siao/security';
import { SECURITY } from '@khu-siao/service-runtime';

/**
 * Keeps every event of every service in the reporting service's own event store, the archive the read models are
 * projected and rebuilt from. Each event goes to its stream at its own version, so a redelivered or replayed event
 * (same id) is not stored twice, and an event whose predecessor never arrived is refused (and, after retries,
 * parked) rather than projected out of order.
 */
@Controller()
export class ArchiveConsumer {
  constructor(
    private readonly store: EventStore,
    @Inject(SECURITY) private readonly security: SecurityServices,
  ) {}

  @EventPattern(platformCatalogue.types())
  async keep(@Payload() event: EventEnvelope): Promise<void> {
    // The households service destroyed the key: a copy this process cached must not open the case meanwhile.
    if (event.type === 'HouseholdErased') this.security.dataKeys.evict(event.aggregateId);
    // An event kept already is passed over before the store takes a log position for it (and leaves a gap).
    if (await this.store.holds(event.eventId)) return;
    const [outcome] = await this.store.appendMany([
      {
        stream: { aggregateType: event.aggregateType, aggregateId: event.aggregateId },
        expectedVersion: event.aggregateVersion - 1,
        events: [
          {
            eventId: event.eventId,
            type: event.type,
            data: event.data,
            occurredAt: event.occurredAt,
            metadata: { correlationId: event.correlationId, causationId: event.causationId, actor: event.actor },
          },
        ],
      },
    ]);
    if (outcome instanceof Error) throw outcome;
  }
}
