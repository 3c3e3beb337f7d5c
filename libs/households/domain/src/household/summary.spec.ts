import { fold } from '@khu-siao/decider';
import { householdDecider } from './business-logic';
import type { HouseholdEvent } from './household';
import { address, allActionsCompleted, assessed, cleanAssessment, completed, planDrawnUp, registered } from './household.examples';
import { householdSummary, processStepOf } from './summary';

const stateAfter = (...events: HouseholdEvent[]) => fold(householdDecider, events);

const overridden: HouseholdEvent = {
  type: 'HouseholdClassificationOverridden',
  data: { assessmentId: 'as-1', from: 'developable', to: 'welfare', reason: 'bedridden head', officialId: 'official-9' },
};

const planned = [registered, assessed(), planDrawnUp];
const redrawn: HouseholdEvent = { ...planDrawnUp, data: { ...planDrawnUp.data, planId: 'plan-2' } };
const died: HouseholdEvent = { type: 'HouseholdCaseClosed', data: { closedOn: '2024-07-01', reason: 'died' } };

describe("a household's process step", () => {
  it.each([
    ['none before registration', [], null],
    ['pinpoint once registered, until assessed', [registered], 'pinpoint'],
    ['life compass once assessed, until a plan is drawn up', [registered, assessed()], 'lifeCompass'],
    ['manage while any plan action is open', [...planned, completed('a-training'), completed('a-market')], 'manage'],
    ['care once every action is completed', [...planned, ...allActionsCompleted], 'care'],
    ['manage again when the plan is redrawn', [...planned, ...allActionsCompleted, redrawn], 'manage'],
    ['where it stood when the case was closed', [registered, assessed(), died], 'lifeCompass'],
  ] as [string, HouseholdEvent[], string | null][])('is %s', (_case, events, step) => {
    expect(processStepOf(stateAfter(...events))).toBe(step);
  });
});

describe("a household's summary", () => {
  it('is nothing before registration', () => {
    expect(householdSummary(stateAfter())).toBeNull();
  });

  it('shows a registered household with no assessment or plan yet', () => {
    expect(householdSummary(stateAfter(registered))).toEqual({
      householdId: 'hh-1',
      status: 'active',
      processStep: 'pinpoint',
      source: 'tpmap',
      address,
      memberCount: 3,
      classification: null,
      latestAssessment: null,
      lifePlan: null,
      graduatedOn: null,
      closed: null,
      erasedOn: null,
    });
  });

  it('shows the classification in force, the derived one and whether an official overrode it', () => {
    expect(householdSummary(stateAfter(registered, assessed(), overridden))).toMatchObject({
      classification: { current: 'welfare', derived: 'developable', overridden: true },
      latestAssessment: {
        assessmentId: 'as-1',
        assessedOn: '2024-06-10',
        failedDimensions: ['income'],
        incomePerHeadPerYear: 2_500_000,
        peopleCounted: 3,
      },
    });
  });

  it('drops the override with the next assessment', () => {
    expect(householdSummary(stateAfter(registered, assessed(), overridden, cleanAssessment))?.classification).toEqual({
      current: 'developable',
      derived: 'developable',
      overridden: false,
    });
  });

  it('shows the plan progress as actions done out of the total', () => {
    expect(householdSummary(stateAfter(registered, assessed(), planDrawnUp, completed('a-market')))?.lifePlan).toEqual({
      planId: 'plan-1',
      drawnUpOn: '2024-06-20',
      actionsDone: 1,
      actionsTotal: 3,
    });
  });

  it('shows a closed case with its date and reason', () => {
    const closed: HouseholdEvent = { type: 'HouseholdCaseClosed', data: { closedOn: '2024-07-01', reason: 'other', note: 'merged' } };
    expect(householdSummary(stateAfter(registered, closed))).toMatchObject({
      status: 'closed',
      closed: { closedOn: '2024-07-01', reason: 'other' },
    });
  });

  it('follows the members and the address as they change', () => {
    const to = { area: { ...address.area, villageCode: '40010104' } };
    const moved: HouseholdEvent = { type: 'HouseholdMoved', data: { from: address, to, movedOn: '2024-08-01' } };
    const shrunk: HouseholdEvent = { type: 'HouseholdMembersUpdated', data: { members: registered.data.members.slice(0, 1) } };
    expect(householdSummary(stateAfter(registered, moved, shrunk))).toMatchObject({
      memberCount: 1,
      address: { area: { villageCode: '40010104' } },
    });
  });
});
