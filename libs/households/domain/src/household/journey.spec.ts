import { fold } from '@khu-siao/decider';
// Through the public API only: it is what the HTTP layer builds on.
import { householdDecider, householdSummary, processStepOf, type HouseholdCommand, type HouseholdEvent } from '../index';
import { assess, contractIssuesOf, drawUp, failing, given, register } from './household.examples';

const progress = (actionId: string, percentDone: number, recordedOn: string): HouseholdCommand => ({
  type: 'RecordActionProgress',
  actionId,
  percentDone,
  completed: percentDone === 100,
  recordedOn,
});

describe("a household's journey through the four processes to graduation", () => {
  it('goes register → assess → draw up a plan → complete every action → re-assess clean → graduate', () => {
    const history: HouseholdEvent[] = [];
    /** Decides on everything recorded so far, records what it decided, and tells the process step it leads to. */
    const handle = (command: HouseholdCommand) => {
      const events = given(...history).when(command).events();
      history.push(...events);
      return { events, step: processStepOf(fold(householdDecider, history)) };
    };

    expect(handle(register)).toMatchObject({ events: [{ type: 'HouseholdRegistered' }], step: 'pinpoint' });
    expect(handle(assess())).toMatchObject({
      events: [{ type: 'HouseholdAssessed', data: { classification: 'developable' } }],
      step: 'lifeCompass',
    });
    expect(handle(drawUp)).toMatchObject({ events: [{ type: 'LifePlanDrawnUp' }], step: 'manage' });
    expect(handle(progress('a-training', 60, '2024-07-31')).step).toBe('manage');
    expect(handle(progress('a-training', 100, '2024-10-31')).step).toBe('manage');
    expect(handle(progress('a-market', 100, '2024-10-31')).step).toBe('manage');
    expect(handle(progress('a-checkups', 100, '2024-11-30'))).toMatchObject({
      events: [{ type: 'LifePlanActionProgressed', data: { planId: 'plan-1', completed: true } }],
      step: 'care',
    });
    expect(handle(assess({ assessmentId: 'as-2', assessedOn: '2024-12-01', dimensions: failing() }))).toMatchObject({
      events: [{ type: 'HouseholdAssessed', data: { failedDimensions: [], classification: 'developable' } }],
      step: 'care',
    });
    expect(handle({ type: 'GraduateHousehold', graduatedOn: '2024-12-15' })).toEqual({
      events: [{ type: 'HouseholdGraduated', data: { graduatedOn: '2024-12-15', assessmentId: 'as-2' } }],
      step: 'care',
    });

    expect(householdSummary(fold(householdDecider, history))).toMatchObject({
      status: 'graduated',
      processStep: 'care',
      latestAssessment: { assessmentId: 'as-2', failedDimensions: [] },
      lifePlan: { planId: 'plan-1', actionsDone: 3, actionsTotal: 3 },
      graduatedOn: '2024-12-15',
    });
    // What decide emits is what the contracts let the event store append.
    expect(contractIssuesOf(history)).toEqual([]);
  });
});
