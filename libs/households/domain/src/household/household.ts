import type { z } from 'zod';
import type {
  addressSchema,
  DataOf,
  Dimension,
  DomainEventOf,
  HouseholdAssessed,
  HouseholdCaseClosed,
  HouseholdClassificationOverridden,
  HouseholdErased,
  HouseholdGraduated,
  HouseholdRegistered,
  householdEvents,
  LifePlanActionProgressed,
  LifePlanDrawnUp,
  memberSchema,
} from '@khu-siao/contracts';
import type { CalendarDate } from '@khu-siao/decider';
import type { Classification } from '../classification/classification';


/** A member and an address in clear, as commands carry them: the domain decides on clear data. */
export type Member = z.infer<typeof memberSchema>;
export type Address = z.infer<typeof addressSchema>;
export type HouseholdSource = DataOf<typeof HouseholdRegistered>['source'];

/**
 * A field that names or identifies a person, as the household's events hold it: its value (clear when decided on,
 * sealed under the household's data key when stored), or `{ erased: true }` once that key is destroyed.
 */
export type PersonalField = string | { readonly erased: true };

/** A member as the household's events and state hold it: what is counted in clear, what names the person personal. */
export type RecordedMember = Omit<Member, 'nationalId' | 'title' | 'firstName' | 'lastName' | 'birthDate'> & {
  readonly nationalId: PersonalField;
  readonly title?: PersonalField;
  readonly firstName: PersonalField;
  readonly lastName: PersonalField;
  readonly birthDate: PersonalField;
};
export type RecordedAddress = Omit<Address, 'houseNumber'> & { readonly houseNumber?: PersonalField };

/** The events whose payloads hold personal fields, whichever form those fields are in. */
type PersonalEvent =
  | {
      readonly type: 'HouseholdRegistered';
      readonly data: { householdId: string; source: HouseholdSource; address: RecordedAddress; members: RecordedMember[] };
    }
  | { readonly type: 'HouseholdMembersUpdated'; readonly data: { members: RecordedMember[]; reason?: string } }
  | { readonly type: 'HouseholdMoved'; readonly data: { from: RecordedAddress; to: RecordedAddress; movedOn: CalendarDate } };

/** The household's events as the stream stores them: the contract's payloads, personal fields sealed. */
export type StoredHouseholdEvent = DomainEventOf<(typeof householdEvents)[number]>;

/**
 * The household's events as the domain folds them: the contract's list, so an event added there must be handled
 * here before anything compiles. A stored event is one (its sealed fields are folded unread), and so is an opened one.
 */
export type HouseholdEvent = PersonalEvent | Exclude<StoredHouseholdEvent, { type: PersonalEvent['type'] }>;
export type HouseholdEventOfType<TType extends HouseholdEvent['type']> = Extract<HouseholdEvent, { type: TType }>;

type Registration = HouseholdEventOfType<'HouseholdRegistered'>['data'];
export type ErasureBasis = DataOf<typeof HouseholdErased>['basis'];
export type CaseClosingReason = DataOf<typeof HouseholdCaseClosed>['reason'];
export type LifePlanGoal = DataOf<typeof LifePlanDrawnUp>['goals'][number];
export type LifePlanAction = LifePlanGoal['actions'][number];
export type ClassificationOverride = Omit<DataOf<typeof HouseholdClassificationOverridden>, 'assessmentId'>;
export type ActionProgress = Omit<DataOf<typeof LifePlanActionProgressed>, 'planId'>;

/** Only the latest assessment decides anything; earlier ones stay in the stream and the read models. */
export interface LatestAssessment {
  readonly assessmentId: string;
  readonly assessedOn: CalendarDate;
  readonly assessorId: string;
  readonly dimensions: DataOf<typeof HouseholdAssessed>['dimensions'];
  readonly failedDimensions: readonly Dimension[];
  readonly incomePerHeadPerYear: number;
  readonly peopleCounted: number;
  /** What the rule derived from this assessment. */
  readonly derivedClassification: Classification;
  /** What is in force: the derived one, or the latest override of it. */
  readonly classification: Classification;
  readonly override: ClassificationOverride | null;
}

/** The life compass in force; a redraw replaces it and starts its progress afresh. */
export interface LifePlan {
  readonly planId: string;
  readonly drawnUpOn: CalendarDate;
  readonly officialId: string;
  readonly goals: readonly LifePlanGoal[];
  /** The latest progress of each action that has any. */
  readonly progress: readonly ActionProgress[];
}

export interface Household {
  readonly status: 'active' | 'graduated' | 'closed';
  readonly householdId: string;
  readonly source: HouseholdSource;
  readonly address: RecordedAddress;
  readonly members: readonly RecordedMember[];
  readonly latestAssessment: LatestAssessment | null;
  /** Every assessment and plan id ever used, so that none is used twice. */
  readonly assessmentIds: readonly string[];
  readonly planIds: readonly string[];
  readonly lifePlan: LifePlan | null;
  readonly graduation: DataOf<typeof HouseholdGraduated> | null;
  readonly closure: DataOf<typeof HouseholdCaseClosed> | null;
  /** Set once its personal data is erased (PDPA): the case ends and nothing is decided on it again. */
  readonly erasure: DataOf<typeof HouseholdErased> | null;
}

export type HouseholdState = { readonly status: 'unregistered' } | Household;

export const initialHouseholdState = (): HouseholdState => ({ status: 'unregistered' });

export function evolve(state: HouseholdState, event: HouseholdEvent): HouseholdState {
  if (event.type === 'HouseholdRegistered') return registered(event.data);
  // Only a registration starts a household: a stream never holds anything before it.
  return state.status === 'unregistered' ? state : evolveRegistered(state, event);
}

function registered({ householdId, source, address, members }: Registration): Household {
  return {
    status: 'active',
    householdId,
    source,
    address,
    members,
    latestAssessment: null,
    assessmentIds: [],
    planIds: [],
    lifePlan: null,
    graduation: null,
    closure: null,
    erasure: null,
  };
}

function evolveRegistered(household: Household, event: Exclude<HouseholdEvent, { type: 'HouseholdRegistered' }>): Household {
  switch (event.type) {
    case 'HouseholdMembersUpdated':
      return { ...household, members: event.data.members };
    case 'HouseholdMoved':
      return { ...household, address: event.data.to };
    case 'HouseholdAssessed': {
      const { classification, ...assessment } = event.data;
      return {
        ...household,
        latestAssessment: { ...assessment, derivedClassification: classification, classification, override: null },
        assessmentIds: [...household.assessmentIds, assessment.assessmentId],
      };
    }
    case 'HouseholdClassificationOverridden': {
      const { assessmentId, ...override } = event.data;
      const latest = household.latestAssessment;
      if (!latest || latest.assessmentId !== assessmentId) return household;
      return { ...household, latestAssessment: { ...latest, classification: override.to, override } };
    }
    case 'LifePlanDrawnUp': {
      const { planId, drawnUpOn, officialId, goals } = event.data;
      return { ...household, lifePlan: { planId, drawnUpOn, officialId, goals, progress: [] }, planIds: [...household.planIds, planId] };
    }
    case 'LifePlanActionProgressed': {
      const { planId, ...progress } = event.data;
      const plan = household.lifePlan;
      if (!plan || plan.planId !== planId) return household;
      const others = plan.progress.filter((entry) => entry.actionId !== progress.actionId);
      return { ...household, lifePlan: { ...plan, progress: [...others, progress] } };
    }
    case 'HouseholdGraduated':
      return { ...household, status: 'graduated', graduation: event.data };
    case 'HouseholdCaseClosed':
      return { ...household, status: 'closed', closure: event.data };
    case 'HouseholdErased':
      return { ...household, erasure: event.data };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
