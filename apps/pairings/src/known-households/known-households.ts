import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { AreaCode } from '@khu-siao/contracts';
import type { HouseholdWithPlan } from '@khu-siao/pairings-domain';
import { KnownHouseholdDocument } from './known-household.schema';

/** The `household` facts handed to the deciders: null for a household the households service never registered. */
@Injectable()
export class KnownHouseholds {
  constructor(@InjectModel(KnownHouseholdDocument.name) private readonly households: Model<KnownHouseholdDocument>) {}

  async of(householdId: string): Promise<HouseholdWithPlan | null> {
    const found = await this.households.findById(householdId).lean();
    return found ? { status: found.status, lifePlan: found.lifePlan ?? null } : null;
  }

  /** Where the household lives: undefined when unknown, null when learnt before areas were kept (rebuild to fill). */
  async areaOf(householdId: string): Promise<AreaCode | null | undefined> {
    const found = await this.households.findById(householdId, { area: 1 }).lean();
    return found ? (found.area ?? null) : undefined;
  }
}
