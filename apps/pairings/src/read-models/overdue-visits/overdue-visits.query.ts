import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { OverdueVisit } from './overdue-visit.schema';

export interface OverdueHousehold {
  readonly householdId: string;
  /** Null for a household never visited. */
  readonly lastVisitedOn: string | null;
}

@Injectable()
export class OverdueVisitsQuery {
  constructor(@InjectModel(OverdueVisit.name) private readonly overdue: Model<OverdueVisit>) {}

  /** Open households of the area not visited since `since` (or never), the longest unvisited first. */
  async notVisitedSince(area: { readonly districtCode?: string; readonly provinceCode?: string }, since: string): Promise<OverdueHousehold[]> {
    const inArea = area.districtCode ? { 'area.districtCode': area.districtCode } : { 'area.provinceCode': area.provinceCode };
    const found = await this.overdue
      .find({ status: 'active', ...inArea, $or: [{ lastVisitedOn: null }, { lastVisitedOn: { $lt: since } }] }, { lastVisitedOn: 1 })
      .sort({ lastVisitedOn: 1, _id: 1 })
      .lean();
    return found.map((household) => ({ householdId: household._id, lastVisitedOn: household.lastVisitedOn ?? null }));
  }
}
