import { Controller } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { Model } from 'mongoose';
import { householdEvents, type PlatformEvent } from '@khu-siao/contracts';
import { knownHouseholdChangeOf } from '@khu-siao/service-runtime';
import { OverdueVisit, writePart } from './overdue-visit.schema';

const householdEventTypes = householdEvents.map((definition) => definition.type);

/**
 * The household part of `overdue_visits`, fed from the households topic (the service's consumer group): every
 * household event moves `householdVersion`, so a redelivered or replayed event changes nothing.
 */
@Controller()
export class OverdueHouseholdsConsumer {
  constructor(@InjectModel(OverdueVisit.name) private readonly overdue: Model<OverdueVisit>) {}

  @EventPattern(householdEventTypes)
  async apply(@Payload() event: PlatformEvent): Promise<void> {
    // Whether its case is open, and where it lives: what the known households learn, but its life plan.
    const { lifePlan: _lifePlan, ...part } = knownHouseholdChangeOf(event);
    const guard = { $or: [{ householdVersion: { $exists: false } }, { householdVersion: { $lt: event.aggregateVersion } }] };
    await writePart(this.overdue, event.aggregateId, guard, { $set: { householdVersion: event.aggregateVersion, ...part } });
  }
}
