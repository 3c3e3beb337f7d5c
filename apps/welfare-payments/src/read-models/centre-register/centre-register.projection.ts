import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { LogProjection, type LoggedEvent } from '@khu-siao/service-runtime';
import { applyAtVersion } from '../at-version';
import { CentreListing } from './centre-listing.schema';

/** The centre register's listing, from the centres' streams: name, kind, status and area of each. */
@Injectable()
export class CentreRegisterProjection extends LogProjection {
  readonly name = 'centre-register';

  constructor(@InjectModel(CentreListing.name) private readonly centres: Model<CentreListing>) {
    super();
  }

  async apply(events: readonly LoggedEvent[]): Promise<void> {
    for (const event of events) {
      switch (event.type) {
        case 'CentreRegistered': {
          const { centreId, name, kind, area } = event.data;
          await applyAtVersion(this.centres, centreId, event.aggregateVersion, { $set: { name, kind, status: 'open', area } }, { opens: true });
          break;
        }
        case 'CentreRelocated':
          await applyAtVersion(this.centres, event.data.centreId, event.aggregateVersion, { $set: { area: event.data.area } });
          break;
        case 'CentreClosed':
          await applyAtVersion(this.centres, event.data.centreId, event.aggregateVersion, { $set: { status: 'closed' } });
          break;
      }
    }
  }

  async clear(): Promise<void> {
    await this.centres.deleteMany({});
  }
}
