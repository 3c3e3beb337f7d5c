import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@khu-siao/contracts';
import { isDuplicateKeyError } from '@khu-siao/event-store';
import { WelfareRecords, type KnownHousehold } from '../reading/welfare-records';

/**
 * The household events that change whether and how a household is known here. Only the type and the version are
 * read: no member, name or address (sealed since schema version 2) is kept by this service.
 */
const statusAfter: Readonly<Record<string, KnownHousehold['status']>> = {
  HouseholdRegistered: 'registered',
  HouseholdGraduated: 'graduated',
  HouseholdCaseClosed: 'closed',
  HouseholdErased: 'erased',
};

/**
 * Keeps the households this service knows (id and status), so a grant to an unknown household answers 404 and one
 * to an erased household 409; the grants it was given before stay as they were.
 */
@Controller()
export class KnownHouseholdsProjection {
  constructor(private readonly records: WelfareRecords) {}

  @EventPattern(Object.keys(statusAfter))
  async apply(@Payload() event: EventEnvelope): Promise<void> {
    const status = statusAfter[event.type];
    if (!status) return;
    try {
      // Only a later version moves the status: a redelivered or late event changes nothing.
      await this.records.households.updateOne(
        { _id: event.aggregateId, version: { $lt: event.aggregateVersion } },
        { $set: { status, version: event.aggregateVersion } },
        { upsert: true },
      );
    } catch (error) {
      // The document exists at this version or later: the upsert's insert collided with it.
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
}
