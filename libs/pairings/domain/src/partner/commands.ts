import type { CalendarDate } from '@khu-siao/decider';
import type { KnownHousehold } from '../household/household-facts';
import type { PartnerSector, Support } from './partner';

export interface RegisterPartner {
  readonly type: 'RegisterPartner';
  readonly partnerId: string;
  readonly name: string;
  readonly sector: PartnerSector;
  /** The day the partner signed the province's development MOU. */
  readonly mouSignedOn: CalendarDate;
  readonly today: CalendarDate;
}

/** A household as a pledge needs it: open, with the life plan in force (learnt from LifePlanDrawnUp events). */
export interface HouseholdWithPlan extends KnownHousehold {
  readonly lifePlan: { readonly planId: string; readonly goalIds: readonly string[] } | null;
}

export interface PledgeSupport {
  readonly type: 'PledgeSupport';
  readonly partnerId: string;
  readonly pledgeId: string;
  readonly householdId: string;
  readonly planId: string;
  readonly goalId: string;
  readonly support: Support;
  /** The date the command is handled. */
  readonly pledgedOn: CalendarDate;
  readonly household: HouseholdWithPlan | null;
}

export type PartnerCommand = RegisterPartner | PledgeSupport;
