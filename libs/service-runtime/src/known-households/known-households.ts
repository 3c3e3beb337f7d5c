import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { AreaCode } from '@khu-siao/contracts';
import { KnownHousehold, type KnownHouseholdStatus } from './known-household.schema';

/** What a command or an access rule may ask of a household this service has heard of. */
export interface HouseholdFacts {
  readonly status: KnownHouseholdStatus;
  readonly lifePlan: { readonly planId: string; readonly goalIds: readonly string[] } | null;
}

/** The queries of the known-households read model. */
@Injectable()
export class KnownHouseholds {
  constructor(@InjectModel(KnownHousehold.name) private readonly households: Model<KnownHousehold>) {}

  /** Null for a household the households service never registered (or whose registration has not arrived yet). */
  async of(householdId: string): Promise<HouseholdFacts | null> {
    const found = await this.households.findById(householdId, { status: 1, lifePlan: 1 }).lean();
    return found ? { status: found.status, lifePlan: found.lifePlan ?? null } : null;
  }

  /** Where the household lives: undefined when unknown, null when learnt before areas were kept (rebuild to fill). */
  async areaOf(householdId: string): Promise<AreaCode | null | undefined> {
    const found = await this.households.findById(householdId, { area: 1 }).lean();
    return found ? (found.area ?? null) : undefined;
  }

  /** The households whose case is open in a district (or a province), by id. */
  async openIn(area: { readonly districtCode?: string; readonly provinceCode?: string }): Promise<{ householdId: string; area: AreaCode | null }[]> {
    const filter = area.districtCode ? { 'area.districtCode': area.districtCode } : { 'area.provinceCode': area.provinceCode };
    const found = await this.households.find({ status: 'active', ...filter }, { area: 1 }).sort({ _id: 1 }).lean();
    return found.map((household) => ({ householdId: household._id, area: household.area ?? null }));
  }
}
