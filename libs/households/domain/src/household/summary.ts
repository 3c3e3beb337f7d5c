import type { Dimension, ProcessStep } from '@khu-siao/contracts';
import type { CalendarDate } from '@khu-siao/decider';
import type { Classification } from '../classification/classification';
import type { CaseClosingReason, Household, HouseholdSource, HouseholdState, RecordedAddress } from './household';
import { planCompletion } from './life-plan';

/**
 * Where a household stands in the programme's four processes: pinpoint until it is assessed, life compass until
 * its plan is drawn up, manage while any action of the plan is open, care once all are done (follow-up until it
 * graduates). A graduated household is in care by construction; a closed one stays where it was. None before
 * registration.
 */
export function processStepOf(state: HouseholdState): ProcessStep | null {
  return state.status === 'unregistered' ? null : stepOf(state);
}

function stepOf(household: Household): ProcessStep {
  if (!household.latestAssessment) return 'pinpoint';
  if (!household.lifePlan) return 'lifeCompass';
  const { actionsDone, actionsTotal } = planCompletion(household.lifePlan);
  return actionsDone < actionsTotal ? 'manage' : 'care';
}

/** What the API shows of a household; members, personal data, are left to reads that need them. */
export interface HouseholdSummary {
  readonly householdId: string;
  readonly status: Household['status'];
  readonly processStep: ProcessStep;
  readonly source: HouseholdSource;
  readonly address: RecordedAddress;
  readonly memberCount: number;
  readonly classification: {
    readonly current: Classification;
    readonly derived: Classification;
    readonly overridden: boolean;
  } | null;
  readonly latestAssessment: {
    readonly assessmentId: string;
    readonly assessedOn: CalendarDate;
    readonly failedDimensions: readonly Dimension[];
    readonly incomePerHeadPerYear: number;
    readonly peopleCounted: number;
  } | null;
  readonly lifePlan: {
    readonly planId: string;
    readonly drawnUpOn: CalendarDate;
    readonly actionsDone: number;
    readonly actionsTotal: number;
  } | null;
  readonly graduatedOn: CalendarDate | null;
  readonly closed: { readonly closedOn: CalendarDate; readonly reason: CaseClosingReason } | null;
  /** When its personal data was erased: its figures stay, its people can no longer be told apart. */
  readonly erasedOn: CalendarDate | null;
}

export function householdSummary(state: HouseholdState): HouseholdSummary | null {
  if (state.status === 'unregistered') return null;
  const latest = state.latestAssessment;
  const plan = state.lifePlan;
  return {
    householdId: state.householdId,
    status: state.status,
    processStep: stepOf(state),
    source: state.source,
    address: state.address,
    memberCount: state.members.length,
    classification: latest && {
      current: latest.classification,
      derived: latest.derivedClassification,
      overridden: latest.override !== null,
    },
    latestAssessment: latest && {
      assessmentId: latest.assessmentId,
      assessedOn: latest.assessedOn,
      failedDimensions: latest.failedDimensions,
      incomePerHeadPerYear: latest.incomePerHeadPerYear,
      peopleCounted: latest.peopleCounted,
    },
    lifePlan: plan && { planId: plan.planId, drawnUpOn: plan.drawnUpOn, ...planCompletion(plan) },
    graduatedOn: state.graduation?.graduatedOn ?? null,
    closed: state.closure && { closedOn: state.closure.closedOn, reason: state.closure.reason },
    erasedOn: state.erasure?.erasedOn ?? null,
  };
}
