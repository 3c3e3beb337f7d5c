import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { LogProjection, type LoggedEvent } from '@khu-siao/service-runtime';
import { OverdueVisit, writePart } from './overdue-visit.schema';

/**
 * The visits part of `overdue_visits`, fed from this service's log: each visit's date as it stands after its
 * corrections (a correction may move it earlier), guarded by the visit's version, and the latest of them.
 */
@Injectable()
export class OverdueVisitsProjection extends LogProjection {
  readonly name = 'overdue-visits';

  constructor(@InjectModel(OverdueVisit.name) private readonly overdue: Model<OverdueVisit>) {
    super();
  }

  async apply(events: readonly LoggedEvent[]): Promise<void> {
    for (const event of events) {
      if (event.type === 'VisitLogged') await this.visited(event.data.householdId, event.data.visitId, event.aggregateVersion, event.data.visitedOn);
      else if (event.type === 'VisitCorrected') {
        await this.visited(event.data.householdId, event.data.visitId, event.aggregateVersion, event.data.details.visitedOn);
      }
    }
  }

  /** Drops the visits part only: the household part is not fed from this log. */
  async clear(): Promise<void> {
    await this.overdue.updateMany({}, { $unset: { visits: '', lastVisitedOn: '' } });
  }

  private async visited(householdId: string, visitId: string, version: number, visitedOn: string): Promise<void> {
    const current = await this.overdue.findById(householdId, { visits: 1 }).lean();
    const visits = { ...current?.visits };
    if ((visits[visitId]?.version ?? 0) >= version) return;
    visits[visitId] = { visitedOn, version };
    const lastVisitedOn = Object.values(visits).reduce((latest, visit) => (visit.visitedOn > latest ? visit.visitedOn : latest), visitedOn);
    const path = `visits.${visitId}`;
    const guard = { $or: [{ [path]: { $exists: false } }, { [`${path}.version`]: { $lt: version } }] };
    await writePart(this.overdue, householdId, guard, { $set: { [path]: { visitedOn, version }, lastVisitedOn } });
  }
}
