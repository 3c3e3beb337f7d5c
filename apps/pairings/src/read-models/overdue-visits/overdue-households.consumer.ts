import { Controller } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { Model } from 'mongoose';
import { householdEvents, type PlatformEvent } from '@khu-siao/contracts';
import { OverdueVisit, writePart } from './overdue-visit.schema';

const householdEventTypes = householdEvents.map((definition) => definition.type);

/** What a household event changes in the household part: whether its case is open, and where it lives. */
function householdPartOf(event: PlatformEvent): Pick<OverdueVisit, 'status' | 'area'> {
  switch (event.type) {
    case 'HouseholdRegistered':
      return { status: 'active', area: event.data.address.area };
    case 'HouseholdMoved':
      return { area: event.data.to.area };
    case 'HouseholdGraduated':
      return { status: 'graduated' };
    case 'HouseholdCaseClosed':
      return { status: 'closed' };
    case 'HouseholdErased':
      return { status: 'erased' };
    default:
      return {};
  }
}

/**
 * The household part of `overdue_visits`, fed from the households topic (the service's consumer group): every
 * household event moves `householdVersion`, so a redelivered or replayed event changes nothing.
 */
@Controller()
export class OverdueHouseholdsConsumer {
  constructor(@InjectModel(OverdueVisit.name) private readonly overdue: Model<OverdueVisit>) {}

  @EventPattern(householdEventTypes)
  async apply(@Payload() event: PlatformEvent): Promise<void> {
    const guard = { $or: [{ householdVersion: { $exists: false } }, { householdVersion: { $lt: event.aggregateVersion } }] };
    await writePart(this.overdue, event.aggregateId, guard, { $set: { householdVersion: event.aggregateVersion, ...householdPartOf(event) } });
  }
}
