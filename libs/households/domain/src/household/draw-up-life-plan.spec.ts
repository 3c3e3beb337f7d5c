import { IllegalStateError } from '@khu-siao/decider';
import { assessed, completed, drawUp, fieldsOf, given, issuesOf, planDrawnUp, planGoals, registered } from './household.examples';

const [incomeGoal, healthGoal] = planGoals;

describe("drawing up a household's life plan", () => {
  it('records the goals, their actions and the official', () => {
    given(registered, assessed()).when(drawUp).then(planDrawnUp);
  });

  it('is refused before the household is assessed: pinpoint comes first', () => {
    given(registered)
      .when(drawUp)
      .thenThrows(IllegalStateError, 'the household must be assessed before its life plan is drawn up (pinpoint comes first)');
  });

  it('replaces the plan when redrawn under a new id', () => {
    const redraw = { ...drawUp, planId: 'plan-2', drawnUpOn: '2024-09-01', goals: [healthGoal] };
    given(registered, assessed(), planDrawnUp, completed('a-training', '2024-08-30'))
      .when(redraw)
      .then({
        type: 'LifePlanDrawnUp',
        data: { planId: 'plan-2', drawnUpOn: '2024-09-01', goals: [healthGoal], officialId: 'official-7' },
      });
  });

  it('refuses a plan id used before', () => {
    given(registered, assessed(), planDrawnUp).when(drawUp).thenThrows(IllegalStateError, 'plan plan-1 was already drawn up');
  });

  it('needs goal ids unique', () => {
    const run = given(registered, assessed()).when({ ...drawUp, goals: [incomeGoal, { ...healthGoal, goalId: incomeGoal.goalId }] }).events;
    expect(issuesOf(run)).toEqual([{ field: 'goals.1.goalId', message: 'repeats the id of another goal' }]);
  });

  it('needs action ids unique across the whole plan', () => {
    const clash = { ...healthGoal, actions: [{ ...healthGoal.actions[0], actionId: 'a-market' }] };
    const run = given(registered, assessed()).when({ ...drawUp, goals: [incomeGoal, clash] }).events;
    expect(issuesOf(run)).toEqual([{ field: 'goals.1.actions.0.actionId', message: 'repeats the id of another action in the plan' }]);
  });

  it('needs every action due no earlier than the plan', () => {
    const late = { ...incomeGoal, actions: [incomeGoal.actions[0], { ...incomeGoal.actions[1], dueOn: '2024-06-19' }] };
    const run = given(registered, assessed()).when({ ...drawUp, goals: [late] }).events;
    expect(issuesOf(run)).toEqual([{ field: 'goals.0.actions.1.dueOn', message: 'must not be before the plan is drawn up' }]);
  });

  it('takes an action due the day the plan is drawn up', () => {
    const today = { ...healthGoal, actions: [{ ...healthGoal.actions[0], dueOn: drawUp.drawnUpOn }] };
    given(registered, assessed())
      .when({ ...drawUp, goals: [today] })
      .then({ ...planDrawnUp, data: { ...planDrawnUp.data, goals: [today] } });
  });

  it('needs at least one goal, each with at least one action', () => {
    expect(fieldsOf(given(registered, assessed()).when({ ...drawUp, goals: [] }).events)).toEqual(['goals']);
    expect(fieldsOf(given(registered, assessed()).when({ ...drawUp, goals: [{ ...healthGoal, actions: [] }] }).events)).toEqual([
      'goals.0.actions',
    ]);
  });

  it('needs calendar dates', () => {
    const undated = { ...healthGoal, actions: [{ ...healthGoal.actions[0], dueOn: 'end of year' }] };
    expect(fieldsOf(given(registered, assessed()).when({ ...drawUp, drawnUpOn: '2024-06-31', goals: [undated] }).events)).toEqual([
      'drawnUpOn',
      'goals.0.actions.0.dueOn',
    ]);
  });
});
