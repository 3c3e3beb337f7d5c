import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { ProcessStep } from '@khu-siao/contracts';
import { openVisitDetails } from '@khu-siao/pairings-domain';
import { VisitCipher } from '../../visit/visit-cipher';
import { HouseholdVisit } from './household-visit.schema';

export interface OfficialActivity {
  readonly visits: { readonly count: number; readonly lastVisitedOn: string | null };
  /** In satang. */
  readonly inKindHelpValue: number;
  readonly byProcessStep: Record<ProcessStep, number>;
}

/** The queries of the visit index. */
@Injectable()
export class HouseholdVisitsQuery {
  constructor(
    @InjectModel(HouseholdVisit.name) private readonly visits: Model<HouseholdVisit>,
    private readonly cipher: VisitCipher,
  ) {}

  /** A household's visits, latest first, opened for the reader (erased fields read `{ erased: true }`). */
  async ofHousehold(householdId: string) {
    const entries = await this.visits.find({ householdId }).sort({ visitedOn: -1, _id: 1 }).lean();
    const open = this.cipher.openerFor(householdId);
    const visits = await Promise.all(entries.map(async (entry) => ({ ...(await openVisitDetails(entry.visit, open)), version: entry.version })));
    return { householdId, visits };
  }

  /** What the visits an official took part in add up to; each visit as it stands after its corrections. */
  async activityOf(officialId: string): Promise<OfficialActivity> {
    const entries = await this.visits.find({ 'visit.officialIds': officialId }, { visitedOn: 1, visit: 1 }).lean();
    const byProcessStep: Record<ProcessStep, number> = { pinpoint: 0, lifeCompass: 0, manage: 0, care: 0 };
    let inKindHelpValue = 0;
    let lastVisitedOn: string | null = null;
    for (const { visit, visitedOn } of entries) {
      byProcessStep[visit.processStep] += 1;
      for (const help of visit.helpGiven) if (help.kind === 'inKind') inKindHelpValue += help.value ?? 0;
      if (lastVisitedOn === null || visitedOn > lastVisitedOn) lastVisitedOn = visitedOn;
    }
    return { visits: { count: entries.length, lastVisitedOn }, inKindHelpValue, byProcessStep };
  }
}
