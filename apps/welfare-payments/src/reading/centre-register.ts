import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Collection, Db, Filter } from 'mongodb';
import type { CentreArea } from '@khu-siao/contracts';
import { fold } from '@khu-siao/decider';
import { EventStore, isDuplicateKeyError } from '@khu-siao/event-store';
import { DATABASE } from '@khu-siao/service-runtime';
import { centreDecider, centreFactsOf, type Centre, type CentreEvent, type CentreFacts, type CentreState } from '@khu-siao/welfare-payments-domain';
import { centreStream } from '../command-handling/streams';

/** One centre in the register's listing: the stream is the truth, this copy answers queries by area. */
export interface CentreListing {
  _id: string;
  name: string;
  kind: Centre['kind'];
  status: Centre['status'];
  area: CentreArea;
  version: number;
}

export interface CentreQuery {
  readonly districtCode?: string;
  readonly tambonCode?: string;
}

/** The register of centres: each centre's stream, and the listing written after each change to it. */
@Injectable()
export class CentreRegister implements OnModuleInit {
  private readonly listings: Collection<CentreListing>;

  constructor(
    @Inject(DATABASE) db: Db,
    private readonly store: EventStore,
  ) {
    this.listings = db.collection<CentreListing>('centres');
  }

  async onModuleInit(): Promise<void> {
    await this.listings.createIndex({ 'area.districtCode': 1, _id: 1 }, { name: 'by_district' });
  }

  async centre(centreId: string): Promise<{ version: number; state: CentreState }> {
    const { version, events } = await this.store.readStream(centreStream(centreId));
    return { version, state: fold(centreDecider, events as unknown as CentreEvent[]) };
  }

  /** What an allocation needs to know of its centre; null when the centre is not on the register. */
  async facts(centreId: string): Promise<CentreFacts | null> {
    return centreFactsOf((await this.centre(centreId)).state);
  }

  /** Writes the listing of a centre at a version; an older version never overwrites a newer one. */
  async note(state: CentreState, version: number): Promise<void> {
    if (state.status === 'unregistered') return;
    const { centreId, name, kind, status, area } = state;
    try {
      await this.listings.updateOne(
        { _id: centreId, version: { $lt: version } },
        { $set: { name, kind, status, area, version } },
        { upsert: true },
      );
    } catch (error) {
      // The listing is at this version or later already: the upsert's insert collided with it.
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  async list(query: CentreQuery): Promise<CentreListing[]> {
    const filter: Filter<CentreListing> = {};
    if (query.districtCode !== undefined) filter['area.districtCode'] = query.districtCode;
    if (query.tambonCode !== undefined) filter['area.tambonCode'] = query.tambonCode;
    return this.listings.find(filter).sort({ _id: 1 }).toArray();
  }
}
