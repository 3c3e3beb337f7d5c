import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
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
}
