import type { AssistanceGranted, DataOf, EventEnvelope } from '@khu-siao/contracts';
import { centreContribution, emptyCentre, evolveCentre, evolveCentreGrant, type Centre } from '../centre/centre';
import { grantFigureEvents } from '../grant/grant-record';
import { emptyCase, evolveCase, evolveCaseGrant, type HouseholdCase } from '../household-case/household-case';
import { householdContribution } from '../household-case/household-contribution';
import { evolveOfficial, officialContribution } from '../official/official-profile';
import { evolveProgramme } from '../programme/programme';
import { difference, type Contribution } from '../rollup/counters';
import type { EntityAccess, EntityRef, GrantLink } from './entities';

const caseEvents = new Set([
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
]);
const grantEvents = new Set<string>(grantFigureEvents);
const centreEvents = new Set(['CentreRegistered', 'CentreRelocated', 'CentreClosed', 'BudgetAllocated']);
const programmeEvents = new Set(['ProgrammeDefined', 'ProgrammeClosed']);

/** The household an event of the case view is about: its stream's id, or the household its payload names. */
function householdOf(event: EventEnvelope): string {
  if (event.aggregateType === 'household') return event.aggregateId;
  return (event.data as { householdId: string }).householdId;
}

/** The link a grant's first event makes between the grant and its recipient. */
export function grantLinkOf(event: EventEnvelope): GrantLink {
  const { recipient, grantId } = event.data as DataOf<typeof AssistanceGranted>;
  return {
    grantId,
    recipient: recipient.kind === 'household' ? { kind: 'household', id: recipient.householdId } : { kind: 'centre', id: recipient.centreId },
  };
}

/** Whether the projection acts on this event type at all (the others are kept in the archive only). */
export function projects(type: string): boolean {
  return caseEvents.has(type) || grantEvents.has(type) || centreEvents.has(type) || programmeEvents.has(type) || type === 'OfficialEnrolled';
}

/** The grant link an event needs loaded before `entitiesOf` can tell its entity (grant events after the first). */
export function grantLinkNeeded(event: EventEnvelope): EntityRef<'grantLink'> | undefined {
  return grantEvents.has(event.type) && event.type !== 'AssistanceGranted' ? { kind: 'grantLink', id: event.aggregateId } : undefined;
}

/** The entities an event reads and writes; `link` is the grant's link when `grantLinkNeeded` asked for one. */
export function entitiesOf(event: EventEnvelope, link?: GrantLink): EntityRef[] {
  if (caseEvents.has(event.type)) return [{ kind: 'case', id: householdOf(event) }];
  if (event.type === 'AssistanceGranted') {
    const granted = grantLinkOf(event);
    return [{ kind: 'grantLink', id: granted.grantId }, recipientRef(granted)];
  }
  if (grantEvents.has(event.type)) return link ? [recipientRef(link)] : [];
  if (centreEvents.has(event.type)) return [{ kind: 'centre', id: (event.data as { centreId: string }).centreId }];
  if (programmeEvents.has(event.type)) return [{ kind: 'programme', id: (event.data as { programmeId: string }).programmeId }];
  if (event.type === 'OfficialEnrolled') return [{ kind: 'official', id: (event.data as { officialId: string }).officialId }];
  return [];
}

const recipientRef = (link: GrantLink): EntityRef =>
  link.recipient.kind === 'household' ? { kind: 'case', id: link.recipient.id } : { kind: 'centre', id: link.recipient.id };

/**
 * Applies one event to the entities it concerns and returns what it changed in the roll-ups: the difference of the
 * entity's contribution before and after. Pure apart from `entities`, so the live model, a rebuild, an as-of
 * replay and a provenance trace all run exactly this.
 */
export function applyEvent(entities: EntityAccess, event: EventEnvelope): Contribution {
  if (caseEvents.has(event.type)) {
    const ref = { kind: 'case', id: householdOf(event) } as const;
    return changeCase(entities, ref.id, (state) => evolveCase(state, event));
  }
  if (grantEvents.has(event.type)) {
    let link = entities.get({ kind: 'grantLink', id: event.aggregateId });
    if (event.type === 'AssistanceGranted') {
      link = grantLinkOf(event);
      entities.set({ kind: 'grantLink', id: link.grantId }, link);
    }
    // A later grant event without its link cannot be placed; per-stream order in the log makes that impossible.
    if (!link) return new Map();
    const grantId = link.grantId;
    return link.recipient.kind === 'household'
      ? changeCase(entities, link.recipient.id, (state) => evolveCaseGrant(state, grantId, event))
      : changeCentre(entities, link.recipient.id, (state) => evolveCentreGrant(state, grantId, event));
  }
  if (centreEvents.has(event.type)) {
    return changeCentre(entities, (event.data as { centreId: string }).centreId, (state) => evolveCentre(state, event));
  }
  if (programmeEvents.has(event.type)) {
    const ref = { kind: 'programme', id: (event.data as { programmeId: string }).programmeId } as const;
    const next = evolveProgramme(entities.get(ref), event);
    if (next) entities.set(ref, next);
    return new Map();
  }
  if (event.type === 'OfficialEnrolled') {
    const ref = { kind: 'official', id: (event.data as { officialId: string }).officialId } as const;
    const before = entities.get(ref);
    const after = evolveOfficial(before, event);
    if (!after) return new Map();
    entities.set(ref, after);
    return difference(before ? officialContribution(before) : new Map(), officialContribution(after));
  }
  return new Map();
}

function changeCase(entities: EntityAccess, householdId: string, change: (state: HouseholdCase) => HouseholdCase): Contribution {
  const ref = { kind: 'case', id: householdId } as const;
  const before = entities.get(ref);
  const after = change(before ?? emptyCase(householdId));
  entities.set(ref, after);
  return difference(before ? householdContribution(before) : new Map(), householdContribution(after));
}

function changeCentre(entities: EntityAccess, centreId: string, change: (state: Centre) => Centre): Contribution {
  const ref = { kind: 'centre', id: centreId } as const;
  const before = entities.get(ref);
  const after = change(before ?? emptyCentre(centreId));
  entities.set(ref, after);
  return difference(before ? centreContribution(before) : new Map(), centreContribution(after));
}
