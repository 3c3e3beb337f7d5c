import { addGrantFigures } from '../grant/grant-contribution';
import { monthOf, yearOf } from '../rollup/calendar';
import { add, addToEach, figure, type Contribution } from '../rollup/counters';
import { areaPathOf, rollupIds } from '../rollup/rollup-ids';
import { currentPairing, latestAssessment, type CaseAssessment, type HouseholdCase } from './household-case';

/**
 * What one household adds to the roll-ups. Stocks (households, people, classification, failing dimensions, paired,
 * last visit, plans, graduated) count the households registered and not closed; flows (registered, assessed,
 * paired, visits, plans, graduated, closed, money) go to the month they happened in; the buddy's figures go to
 * the official. A household that moves takes all of it to its new area.
 */
export function householdContribution(state: HouseholdCase): Contribution {
  const into: Contribution = new Map();
  const areas = areaPathOf(state.area);
  const areaIds = areas.map(rollupIds.area);
  const stock = (name: string, amount = 1) => addToEach(into, areaIds, name, amount);
  const flow = (date: string, name: string, amount = 1) =>
    addToEach(into, areas.map((area) => rollupIds.trend(area, monthOf(date))), name, amount);

  const registered = state.registeredOn !== undefined;
  if (registered && state.status === 'closed') stock('closed');
  if (registered && state.status !== 'closed') addStocks(state, stock);
  if (state.registeredOn) flow(state.registeredOn, 'registered');
  if (state.closed) flow(state.closed.closedOn, 'closed');
  if (state.graduatedOn) flow(state.graduatedOn, 'graduated');
  if (state.plan) flow(state.plan.drawnUpOn, 'plans');
  for (const assessment of state.assessments) flow(assessment.assessedOn, 'assessed');
  for (const pairing of state.pairings) flow(pairing.pairedOn, 'paired');
  for (const visit of state.visits) {
    flow(visit.visitedOn, 'visits');
    stock(figure('inKind', 'count'), visit.inKindHelp);
    stock(figure('inKind', 'value'), visit.inKindValue);
    flow(visit.visitedOn, figure('inKind', 'value'), visit.inKindValue);
  }
  for (const pledge of state.pledges) {
    stock('pledges');
    stock(figure('pledges', 'value'), pledge.value ?? 0);
  }
  addGrantFigures(into, areas, state.grants);
  addOfficialFigures(state, into);
  return into;
}

function addStocks(state: HouseholdCase, stock: (name: string, amount?: number) => void): void {
  stock('households');
  stock('people', state.members.length);
  stock(figure('status', state.status));
  const assessment = latestAssessment(state);
  if (assessment) {
    stock('assessed');
    stock(figure('classification', assessment.classification));
    for (const dimension of assessment.failedDimensions) stock(figure('failing', dimension));
  } else {
    stock(figure('classification', 'unassessed'));
  }
  if (currentPairing(state)) stock('paired');
  const lastVisit = state.visits.reduce<string | undefined>(
    (latest, visit) => (latest === undefined || visit.visitedOn > latest ? visit.visitedOn : latest),
    undefined,
  );
  if (lastVisit) stock(figure('lastVisit', lastVisit));
  if (state.plan) {
    stock(figure('plans', 'started'));
    const actions = state.plan.actions;
    if (actions.length > 0 && actions.every((action) => action.completed)) stock(figure('plans', 'completed'));
  }
  if (state.status === 'graduated') stock('graduated');
}

/** The buddy's caseload and improvement, each visiting official's visits, and the graduation to the buddy of that day. */
function addOfficialFigures(state: HouseholdCase, into: Contribution): void {
  const buddy = state.status === 'closed' ? undefined : currentPairing(state);
  if (buddy) {
    const official = rollupIds.official(buddy.officialId);
    add(into, official, 'caseload');
    const reduced = failedDimensionsReduced(state.assessments, buddy.pairedOn);
    if (reduced > 0) {
      add(into, official, 'improved');
      add(into, official, 'failedReduced', reduced);
    }
  }
  for (const visit of state.visits) {
    for (const officialId of new Set(visit.officialIds)) {
      add(into, rollupIds.official(officialId), 'visits');
      add(into, rollupIds.official(officialId), figure('visits', yearOf(visit.visitedOn)));
    }
  }
  if (state.graduatedOn) {
    const graduatedOn = state.graduatedOn;
    const pairing = state.pairings.find(
      (candidate) => candidate.pairedOn <= graduatedOn && (candidate.unpairedOn === undefined || candidate.unpairedOn >= graduatedOn),
    );
    if (pairing) {
      add(into, rollupIds.official(pairing.officialId), 'graduated');
      add(into, rollupIds.official(pairing.officialId), figure('graduated', yearOf(graduatedOn)));
    }
  }
}

/**
 * How many fewer dimensions the household fails now than when the pairing began: against the last assessment on or
 * before the pairing date; 0 when there is none to compare with.
 */
export function failedDimensionsReduced(assessments: readonly CaseAssessment[], pairedOn: string): number {
  const baseline = assessments.filter((assessment) => assessment.assessedOn <= pairedOn).at(-1);
  const latest = assessments.at(-1);
  if (!baseline || !latest || latest === baseline) return 0;
  return Math.max(0, baseline.failedDimensions.length - latest.failedDimensions.length);
}
