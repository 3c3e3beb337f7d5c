import type { agencyKinds, centreKinds, classifications, Dimension, disbursementMethods, processSteps, programmeKinds, recipientKinds } from '@khu-siao/contracts';

/** Everything the demo province will do, decided before any call: the same seed and scale give the same plan. */
export interface ProvincePlan {
  readonly seed: string;
  readonly scale: number;
  readonly centres: readonly PlannedCentre[];
  readonly programmes: readonly PlannedProgramme[];
  /** Allocated for the fiscal year the services are in when the plan runs (grants draw on the current one). */
  readonly budgets: readonly PlannedBudget[];
  readonly officials: readonly PlannedOfficial[];
  readonly households: readonly PlannedHousehold[];
  readonly grants: readonly PlannedGrant[];
  readonly totals: PlanTotals;
}

export interface AreaCodes {
  readonly provinceCode: string;
  readonly districtCode: string;
  readonly tambonCode: string;
}

export interface PlannedCentre {
  readonly centreId: string;
  readonly name: string;
  readonly kind: (typeof centreKinds)[number];
  readonly area: AreaCodes;
}

export interface PlannedProgramme {
  readonly programmeId: string;
  readonly name: string;
  readonly kind: (typeof programmeKinds)[number];
  readonly recipients: (typeof recipientKinds)[number][];
  readonly standardAmount: number;
}

export interface PlannedBudget {
  readonly centreId: string;
  readonly centreKind: (typeof centreKinds)[number];
  readonly programmeId: string;
  /** Satang. */
  readonly amount: number;
}

export interface PlannedOfficial {
  readonly officialId: string;
  readonly title: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly position: string;
  readonly agency: { readonly kind: (typeof agencyKinds)[number]; readonly name: string };
  readonly homeDistrictCode: string;
  readonly contact: { readonly phone: string };
}

export type Relation = 'head' | 'spouse' | 'child' | 'parent' | 'grandchild' | 'sibling' | 'relative' | 'other';

export interface PlannedMember {
  readonly memberId: string;
  readonly nationalId: string;
  readonly title: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly birthDate: string;
  readonly sex: 'female' | 'male';
  readonly relation: Relation;
  readonly disability: boolean;
  readonly chronicIllness: boolean;
}

export interface PlannedRegistration {
  readonly source: 'tpmap' | 'fieldSurvey' | 'exclusionErrorReferral' | 'vulnerableReferral';
  readonly address: { readonly area: AreaCodes & { readonly villageCode: string }; readonly houseNumber: string };
  readonly members: readonly PlannedMember[];
}

export interface PlannedAssessment {
  readonly assessmentId: string;
  readonly assessedOn: string;
  readonly assessorId: string;
  readonly dimensions: Record<Dimension, { readonly indicatorsFailed: readonly string[] }>;
  /** Satang per head per year. */
  readonly incomePerHeadPerYear: number;
  /** What the households service will derive (the same rule, checked against it in the specs). */
  readonly expectedClassification: (typeof classifications)[number];
}

export interface PlannedLifePlan {
  readonly planId: string;
  readonly drawnUpOn: string;
  readonly officialId: string;
  readonly goals: readonly {
    readonly goalId: string;
    readonly dimension: Dimension;
    readonly description: string;
    readonly actions: readonly {
      readonly actionId: string;
      readonly description: string;
      readonly responsible: { readonly kind: 'agency' | 'partner'; readonly name: string };
      readonly dueOn: string;
    }[];
  }[];
}

export interface PlannedProgress {
  readonly actionId: string;
  readonly percentDone: number;
  readonly completed: boolean;
  readonly recordedOn: string;
}

export interface PlannedVisit {
  readonly officialIds: readonly string[];
  readonly visitedOn: string;
  readonly processStep: (typeof processSteps)[number];
  readonly dimensionsDiscussed: readonly Dimension[];
  readonly needsFound: readonly string[];
  readonly helpGiven: readonly { readonly kind: 'inKind' | 'advice' | 'service'; readonly description: string; readonly value?: number }[];
  readonly referrals: readonly string[];
}

/** One household's whole story, in the order it is told to the services. */
export interface PlannedHousehold {
  /** Also the registration's Idempotency-Key: a re-run with the same seed registers nothing twice. */
  readonly key: string;
  readonly registration: PlannedRegistration;
  readonly assessments: readonly PlannedAssessment[];
  readonly lifePlan: PlannedLifePlan | null;
  readonly progress: readonly PlannedProgress[];
  readonly graduatedOn: string | null;
  readonly officialId: string;
  readonly visits: readonly PlannedVisit[];
}

export interface PlannedGrant {
  /** Also the grant's Idempotency-Key. */
  readonly key: string;
  readonly programmeId: string;
  readonly centreId: string;
  readonly recipient: { readonly kind: 'household'; readonly householdKey: string } | { readonly kind: 'centre'; readonly centreId: string };
  /** Satang. */
  readonly amount: number;
  readonly reason: string;
  readonly disbursement: { readonly method: (typeof disbursementMethods)[number]; readonly reference: string };
}

export interface PlanTotals {
  readonly households: number;
  readonly people: number;
  readonly districtsCovered: number;
  readonly tambonCentres: number;
  readonly communityCentres: number;
  readonly officials: number;
  readonly pairings: number;
  readonly visits: number;
  readonly lifePlans: number;
  readonly graduations: number;
  /** Households by their classification at their last assessment (where the province ends up). */
  readonly byClassification: Record<(typeof classifications)[number], number>;
  readonly familyGrants: { readonly count: number; readonly satang: number };
  readonly centreSubsidies: { readonly count: number; readonly satang: number };
}
