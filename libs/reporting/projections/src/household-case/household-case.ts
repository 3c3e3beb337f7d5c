import type { AreaCode, DataOf, Dimension, HouseholdAssessed, HouseholdErased, ProcessStep, SealedField, VisitLogged } from '@khu-siao/contracts';
import { bangkokDate } from '../rollup/calendar';
import { evolveGrant, type GrantFigureEvent, type GrantRecord } from '../grant/grant-record';
import type { EventOfType } from '../projection/projected-events';

/** The events the case view is made of: the household's own stream, and those of pairings and visits that name it. */
export const caseEventTypes = [
  'HouseholdRegistered',
  'HouseholdMembersUpdated',
  'HouseholdMoved',
  'HouseholdAssessed',
  'HouseholdClassificationOverridden',
  'LifePlanDrawnUp',
  'LifePlanActionProgressed',
  'HouseholdGraduated',
  'HouseholdCaseClosed',
  'HouseholdErased',
  'HouseholdPaired',
  'HouseholdUnpaired',
  'VisitLogged',
  'VisitCorrected',
  'SupportPledged',
] as const;
export type CaseEvent = EventOfType<(typeof caseEventTypes)[number]>;

type Classification = DataOf<typeof HouseholdAssessed>['classification'];

/**
 * A member as the case view keeps them: the personal fields sealed as the events carry them (only the service that
 * serves the case opens them, and masks the national ID), the counted fields clear.
 */
export interface CaseMember {
  readonly memberId: string;
  readonly nationalId: SealedField;
  readonly title?: SealedField;
  readonly firstName: SealedField;
  readonly lastName: SealedField;
  readonly birthDate: SealedField;
  readonly sex: 'female' | 'male';
  readonly relation: string;
  readonly disability: boolean;
  readonly chronicIllness: boolean;
}

export interface CaseAssessment {
  readonly assessmentId: string;
  readonly assessedOn: string;
  readonly failedDimensions: readonly Dimension[];
  readonly classification: Classification;
  readonly overriddenFrom?: Classification;
  readonly incomePerHeadPerYear: number;
}

export interface CasePairing {
  readonly pairingId: string;
  readonly officialId: string;
  readonly pairedOn: string;
  readonly unpairedOn?: string;
}

export interface CaseVisit {
  readonly visitId: string;
  readonly officialIds: readonly string[];
  readonly visitedOn: string;
  readonly processStep: ProcessStep;
  readonly dimensionsDiscussed: readonly Dimension[];
  readonly inKindHelp: number;
  /** Satang: the value of the in-kind help handed over, where it was recorded. */
  readonly inKindValue: number;
  readonly corrected: boolean;
}

export interface CasePlan {
  readonly planId: string;
  readonly drawnUpOn: string;
  readonly goals: number;
  readonly actions: readonly { readonly actionId: string; readonly dimension: Dimension; readonly percentDone: number; readonly completed: boolean }[];
}

export interface CasePledge {
  readonly pledgeId: string;
  readonly partnerId: string;
  readonly kind: string;
  readonly value?: number;
  readonly pledgedOn: string;
}

/**
 * The household case view: one document per household joining its registry data, its assessments, its buddy,
 * the visits to it and the assistance it received. Facts arrive from three services in no guaranteed order
 * between them, so every field is filled by whichever event brings it, and nothing assumes another came first.
 */
export interface HouseholdCase {
  readonly householdId: string;
  readonly registeredOn?: string;
  readonly source?: string;
  readonly area?: AreaCode;
  readonly houseNumber?: SealedField;
  readonly members: readonly CaseMember[];
  readonly status: 'unregistered' | 'active' | 'graduated' | 'closed';
  /** Its personal data was erased (PDPA): every sealed field reads erased; its status and figures stay as they were. */
  readonly erased?: { readonly erasedOn: string; readonly basis: string };
  readonly graduatedOn?: string;
  readonly closed?: { readonly closedOn: string; readonly reason: string };
  /** Oldest first, by assessment date. */
  readonly assessments: readonly CaseAssessment[];
  readonly plan?: CasePlan;
  readonly pairings: readonly CasePairing[];
  /** Lists rather than maps keyed by id: ids come from clients and may hold characters a field name may not. */
  readonly visits: readonly CaseVisit[];
  readonly grants: readonly GrantRecord[];
  readonly pledges: readonly CasePledge[];
}

export const emptyCase = (householdId: string): HouseholdCase => ({
  householdId,
  members: [],
  status: 'unregistered',
  assessments: [],
  pairings: [],
  visits: [],
  grants: [],
  pledges: [],
});

/** The list with `item` in place of the one of the same id, or added at the end. */
export function replacing<T>(list: readonly T[], item: T, idOf: (entry: T) => string): T[] {
  const id = idOf(item);
  return list.some((entry) => idOf(entry) === id) ? list.map((entry) => (idOf(entry) === id ? item : entry)) : [...list, item];
}

const erasedField: SealedField = { erased: true };

/** The case with every sealed field replaced by erased; what is counted stays, so no figure moves. */
function erasedCase(state: HouseholdCase, data: DataOf<typeof HouseholdErased>): HouseholdCase {
  const members = state.members.map((member) => ({
    ...member,
    nationalId: erasedField,
    ...(member.title === undefined ? {} : { title: erasedField }),
    firstName: erasedField,
    lastName: erasedField,
    birthDate: erasedField,
  }));
  const houseNumber = state.houseNumber === undefined ? {} : { houseNumber: erasedField };
  return { ...state, ...houseNumber, members, erased: { erasedOn: data.erasedOn, basis: data.basis } };
}

function visitOf(visitId: string, details: DataOf<typeof VisitLogged>, corrected: boolean): CaseVisit {
  const inKind = details.helpGiven.filter((help) => help.kind === 'inKind');
  return {
    visitId,
    officialIds: details.officialIds,
    visitedOn: details.visitedOn,
    processStep: details.processStep,
    dimensionsDiscussed: details.dimensionsDiscussed,
    inKindHelp: inKind.length,
    inKindValue: inKind.reduce((sum, help) => sum + (help.value ?? 0), 0),
    corrected,
  };
}

function withAssessment(assessments: readonly CaseAssessment[], assessment: CaseAssessment): CaseAssessment[] {
  const others = assessments.filter((existing) => existing.assessmentId !== assessment.assessmentId);
  // Stable: of two assessments on one day, the one recorded later stays later.
  return [...others, assessment].sort((a, b) => (a.assessedOn < b.assessedOn ? -1 : a.assessedOn > b.assessedOn ? 1 : 0));
}

export function evolveCase(state: HouseholdCase, event: CaseEvent): HouseholdCase {
  switch (event.type) {
    case 'HouseholdRegistered': {
      const { data } = event;
      return {
        ...state,
        registeredOn: bangkokDate(event.occurredAt),
        source: data.source,
        area: data.address.area,
        houseNumber: data.address.houseNumber,
        members: data.members,
        status: state.status === 'unregistered' ? 'active' : state.status,
      };
    }
    case 'HouseholdMembersUpdated':
      return { ...state, members: event.data.members };
    case 'HouseholdMoved': {
      const { to } = event.data;
      return { ...state, area: to.area, houseNumber: to.houseNumber };
    }
    case 'HouseholdAssessed': {
      const { data } = event;
      const assessment: CaseAssessment = {
        assessmentId: data.assessmentId,
        assessedOn: data.assessedOn,
        failedDimensions: data.failedDimensions,
        classification: data.classification,
        incomePerHeadPerYear: data.incomePerHeadPerYear,
      };
      return { ...state, assessments: withAssessment(state.assessments, assessment) };
    }
    case 'HouseholdClassificationOverridden': {
      const { data } = event;
      return {
        ...state,
        assessments: state.assessments.map((assessment) =>
          assessment.assessmentId === data.assessmentId
            ? { ...assessment, classification: data.to, overriddenFrom: assessment.overriddenFrom ?? data.from }
            : assessment,
        ),
      };
    }
    case 'LifePlanDrawnUp': {
      const { data } = event;
      const actions = data.goals.flatMap((goal) =>
        goal.actions.map((action) => ({ actionId: action.actionId, dimension: goal.dimension, percentDone: 0, completed: false })),
      );
      return { ...state, plan: { planId: data.planId, drawnUpOn: data.drawnUpOn, goals: data.goals.length, actions } };
    }
    case 'LifePlanActionProgressed': {
      const { data } = event;
      const action = state.plan?.planId === data.planId ? state.plan.actions.find((a) => a.actionId === data.actionId) : undefined;
      if (!state.plan || !action) return state;
      const actions = replacing(state.plan.actions, { ...action, percentDone: data.percentDone, completed: data.completed }, (a) => a.actionId);
      return { ...state, plan: { ...state.plan, actions } };
    }
    case 'HouseholdGraduated': {
      const { data } = event;
      return { ...state, status: state.status === 'closed' ? state.status : 'graduated', graduatedOn: data.graduatedOn };
    }
    case 'HouseholdCaseClosed': {
      const { data } = event;
      return { ...state, status: 'closed', closed: { closedOn: data.closedOn, reason: data.reason } };
    }
    case 'HouseholdErased':
      return erasedCase(state, event.data);
    case 'HouseholdPaired': {
      const { data } = event;
      if (state.pairings.some((pairing) => pairing.pairingId === data.pairingId)) return state;
      const pairing = { pairingId: data.pairingId, officialId: data.officialId, pairedOn: data.pairedOn };
      return { ...state, pairings: [...state.pairings, pairing] };
    }
    case 'HouseholdUnpaired': {
      const { data } = event;
      return {
        ...state,
        pairings: state.pairings.map((pairing) =>
          pairing.pairingId === data.pairingId ? { ...pairing, unpairedOn: data.unpairedOn } : pairing,
        ),
      };
    }
    case 'VisitLogged': {
      const { data } = event;
      return { ...state, visits: replacing(state.visits, visitOf(data.visitId, data, false), (visit) => visit.visitId) };
    }
    case 'VisitCorrected': {
      const { data } = event;
      const details = { ...data.details, visitId: data.visitId, householdId: data.householdId };
      return { ...state, visits: replacing(state.visits, visitOf(data.visitId, details, true), (visit) => visit.visitId) };
    }
    case 'SupportPledged': {
      const { data } = event;
      const pledge: CasePledge = {
        pledgeId: data.pledgeId,
        partnerId: data.partnerId,
        kind: data.support.kind,
        value: data.support.value,
        pledgedOn: data.pledgedOn,
      };
      return { ...state, pledges: replacing(state.pledges, pledge, (entry) => entry.pledgeId) };
    }
    default:
      return state;
  }
}

/** Grant events reach the case of the household that receives the grant. */
export function evolveCaseGrant(state: HouseholdCase, grantId: string, event: GrantFigureEvent): HouseholdCase {
  const grant = evolveGrant(state.grants.find((entry) => entry.grantId === grantId), event);
  return grant ? { ...state, grants: replacing(state.grants, grant, (entry) => entry.grantId) } : state;
}

export const latestAssessment = (state: HouseholdCase): CaseAssessment | undefined => state.assessments.at(-1);

/** The officials paired with the household now: who may read the case as its buddy. */
export const currentBuddies = (state: HouseholdCase): string[] =>
  state.pairings.filter((pairing) => pairing.unpairedOn === undefined).map((pairing) => pairing.officialId);

/** The pairing in force: the last one not ended. */
export const currentPairing = (state: HouseholdCase): CasePairing | undefined =>
  state.pairings.filter((pairing) => pairing.unpairedOn === undefined).at(-1);
