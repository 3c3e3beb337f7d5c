import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKeyError } from '@khu-siao/event-store';
import { LogProjection, type LoggedEvent } from '@khu-siao/service-runtime';
import { HouseholdVisit } from './household-visit.schema';

type Logged<TType extends LoggedEvent['type']> = Extract<LoggedEvent, { type: TType }>;

/**
 * Keeps `household_visits` in step with the visits in this service's log: a visit's document is created by its
 * VisitLogged and replaced by each VisitCorrected, each write guarded by the visit's stream version, so a page of
 * the log that comes again changes nothing. The events' sealed fields are kept as they are.
 */
@Injectable()
export class HouseholdVisitsProjection extends LogProjection {
  readonly name = 'household-visits';

  constructor(@InjectModel(HouseholdVisit.name) private readonly visits: Model<HouseholdVisit>) {
    super();
  }

  async apply(events: readonly LoggedEvent[]): Promise<void> {
    for (const event of events) {
      if (event.type === 'VisitLogged') await this.logged(event);
      else if (event.type === 'VisitCorrected') await this.corrected(event);
    }
  }

  async clear(): Promise<void> {
    await this.visits.deleteMany({});
  }

  private async logged(event: Logged<'VisitLogged'>): Promise<void> {
    const { visitId, householdId, ...details } = event.data;
    const document = { householdId, version: event.aggregateVersion, visitedOn: details.visitedOn, visit: { visitId, householdId, ...details, corrections: [] } };
    try {
      await this.visits.updateOne({ _id: visitId, version: { $lt: event.aggregateVersion } }, { $set: document }, { upsert: true });
    } catch (error) {
      // The document is there at this version or a later one: applied before.
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  private async corrected(event: Logged<'VisitCorrected'>): Promise<void> {
    const { visitId, householdId, details, reason, correctedBy, correctedOn } = event.data;
    const current = await this.visits.findById(visitId, { version: 1, visit: 1 }).lean();
    if (!current) throw new Error(`visit ${visitId} was corrected before it was logged`);
    if (current.version >= event.aggregateVersion) return;
    const visit = { visitId, householdId, ...details, corrections: [...current.visit.corrections, { reason, correctedBy, correctedOn }] };
    await this.visits.updateOne(
      { _id: visitId, version: current.version },
      { $set: { version: event.aggregateVersion, visitedOn: details.visitedOn, visit } },
    );
  }
}
