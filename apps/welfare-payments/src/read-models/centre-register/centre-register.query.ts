import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, RootFilterQuery } from 'mongoose';
import { CentreListing } from './centre-listing.schema';

export interface CentreQuery {
  readonly districtCode?: string;
  readonly tambonCode?: string;
}

/** A centre as the register lists it. */
export interface ListedCentre {
  readonly centreId: string;
  readonly name: string;
  readonly kind: CentreListing['kind'];
  readonly status: CentreListing['status'];
  readonly area: CentreListing['area'];
  readonly version: number;
}

/** The queries of the centre register: one centre, or the centres of a district (and tambon), in id order. */
@Injectable()
export class CentreRegister {
  constructor(@InjectModel(CentreListing.name) private readonly centres: Model<CentreListing>) {}

  /** Null for a centre not on the register. */
  async centre(centreId: string): Promise<ListedCentre | null> {
    const found = await this.centres.findById(centreId).lean();
    return found ? listed(found) : null;
  }

  async list(query: CentreQuery): Promise<ListedCentre[]> {
    const filter: RootFilterQuery<CentreListing> = {};
    if (query.districtCode !== undefined) filter['area.districtCode'] = query.districtCode;
    if (query.tambonCode !== undefined) filter['area.tambonCode'] = query.tambonCode;
    return (await this.centres.find(filter).sort({ _id: 1 }).lean()).map(listed);
  }
}

function listed({ _id, name, kind, status, area, version }: CentreListing): ListedCentre {
  return { centreId: _id, name, kind, status, area, version };
}
