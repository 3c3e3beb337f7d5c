import type { PlatformEvent } from '@khu-siao/contracts';
import { centreContribution, centreEventTypes, emptyCentre, evolveCentre, evolveCentreGrant, type Centre } from '../centre/centre';
import { grantFigureEvents } from '../grant/grant-record';
import { caseEventTypes, emptyCase, evolveCase, evolveCaseGrant, type CaseEvent, type HouseholdCase } from '../household-case/household-case';
import { householdContribution } from '../household-case/household-contribution';
import { evolveOfficial, officialContribution } from '../official/official-profile';
import { evolveProgramme, programmeEventTypes } from '../programme/programme';
import { difference, type Contribution } from '../rollup/counters';
import type { EntityAccess, EntityRef, GrantLink } from './entities';
import { eventsOf, type EventOfType } from './projected-events';

const isCaseEvent = eventsOf(caseEventTypes);
const isGrantEvent = eventsOf(grantFigureEvents);
const isCentreEvent = eventsOf(centreEventTypes);
const isProgrammeEvent = eventsOf(programmeEventTypes);
/** The case events of other streams than the household's: they name the household in their payload. */
const namesItsHousehold = eventsOf(['HouseholdPaired', 'HouseholdUnpaired', 'VisitLogged', 'VisitCorrected', 'SupportPledged']);
const projectedTypes = new Set<string>([...caseEventTypes, ...grantFigureEvents, ...centreEventTypes, ...programmeEventTypes, 'OfficialEnrolled']);

/** The household an event of the case view is about: its stream's id, or the household its payload names. */
function householdOf(event: CaseEvent): string {
  return namesItsHousehold(event) ? event.data.householdId : event.aggregateId;
}

/** The link a grant's first event makes between the grant and its recipient. */
export function grantLinkOf(event: EventOfType<'AssistanceGranted'>): GrantLink {
  const { recipient, grantId } = event.data;
  return {
    grantId,
    recipient: recipient.kind === 'household' ? { kind: 'household', id: recipient.householdId } : { kind: 'centre', id: recipient.centreId },
  };
}

/** Whether the projection acts on this event type at all (the others are kept in the archive only). */
export function projects(type: string): boolean {
  return projectedTypes.has(type);
}

/** The grant link an event needs loaded before `entitiesOf` can tell its entity (grant events after the first). */
export function grantLinkNeeded(event: PlatformEvent): EntityRef<'grantLink'> | undefined {
  return isGrantEvent(event) && event.type !== 'AssistanceGranted' ? { kind: 'grantLink', id: event.aggregateId } : undefined;
}

/** The entities an event reads and writes; `link` is the grant's link when `grantLinkNeeded` asked for one. */
export function entitiesOf(event: PlatformEvent, link?: GrantLink): EntityRef[] {
  if (isCaseEvent(event)) return [{ kind: 'case', id: householdOf(event) }];
  if (event.type === 'AssistanceGranted') {
    const granted = grantLinkOf(event);
    return [{ kind: 'grantLink', id: granted.grantId }, recipientRef(granted)];
  }
  if (isGrantEvent(event)) return link ? [recipientRef(link)] : [];
  if (isCentreEvent(event)) return [{ kind: 'centre', id: event.data.centreId }];
  if (isProgrammeEvent(event)) return [{ kind: 'programme', id: event.data.programmeId }];
  if (event.type === 'OfficialEnrolled') return [{ kind: 'official', id: event.data.officialId }];
  return [];
}

const recipientRef = (link: GrantLink): EntityRef =>
  link.recipient.kind === 'household' ? { kind: 'case', id: link.recipient.id } : { kind: 'centre', id: link.recipient.id };

/**
 * Applies one event to the entities it concerns and returns what it changed in the roll-ups: the difference of the
 * entity's contribution before and after. Pure apart from `entities`, so the live model, a rebuild, an as-of
 * replay and a provenance trace all run exactly this.
 */
export function applyEvent(entities: EntityAccess, event: PlatformEvent): Contribution {
  if (isCaseEvent(event)) {
    return changeCase(entities, householdOf(event), (state) => evolveCase(state, event));
  }
  if (isGrantEvent(event)) {
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
  if (isCentreEvent(event)) {
    return changeCentre(entities, event.data.centreId, (state) => evolveCentre(state, event));
  }
  if (isProgrammeEvent(event)) {
    const ref = { kind: 'programme', id: event.data.programmeId } as const;
    const next = evolveProgramme(entities.get(ref), event);
    if (next) entities.set(ref, next);
    return new Map();
  }
  if (event.type === 'OfficialEnrolled') {
    const ref = { kind: 'official', id: event.data.officialId } as const;
    const before = entities.get(ref);
    const after = evolveOfficial(event);
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
