import type { EventEnvelope, EventMetadata } from '@khu-siao/contracts';
import { eventIdsFor, type PendingEvent } from '@khu-siao/event-store';

/** Events for the messaging specs: a visit to append, and a pairing as it travels on Kafka. */

export function pendingVisit(visitId: string, householdId: string, metadata: EventMetadata): PendingEvent {
  return {
    eventId: eventIdsFor(1)[0],
    type: 'VisitLogged',
    metadata,
    data: {
      visitId,
      householdId,
      officialIds: ['official-1'],
      visitedOn: '2022-01-20',
      processStep: 'care',
      dimensionsDiscussed: [],
      needsFound: [],
      helpGiven: [],
      referrals: [],
    },
  };
}

export interface PairedOptions {
  readonly pairingId?: string;
  readonly version?: number;
  /** Fields of the payload to replace (a malformed date, say). */
  readonly data?: Record<string, unknown>;
}

export function householdPaired(householdId: string, options: PairedOptions = {}): EventEnvelope {
  const pairingId = options.pairingId ?? 'pairing-1';
  return {
    eventId: eventIdsFor(1)[0],
    type: 'HouseholdPaired',
    schemaVersion: 1,
    aggregateType: 'pairing',
    aggregateId: pairingId,
    aggregateVersion: options.version ?? 1,
    occurredAt: '2022-01-27T09:00:00.000Z',
    recordedAt: '2022-01-27T09:00:00.000Z',
    correlationId: `corr-${householdId}`,
    causationId: null,
    actor: { kind: 'system', id: 'spec' },
    data: { pairingId, householdId, officialId: 'official-1', pairedOn: '2022-01-27', ...options.data },
  };
}
