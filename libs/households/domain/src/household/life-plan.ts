import type { FieldIssue } from '@khu-siao/contracts';
import { calendarDateIssues, isCalendarDate, type CalendarDate } from '@khu-siao/decider';
import type { ActionProgress, LifePlan, LifePlanAction, LifePlanGoal } from './household';

/**
 * A plan's own rules: at least one goal, each with at least one action; goal ids unique, and action ids unique
 * across the whole plan, since progress names an action by its id alone; nothing falls due before the plan exists.
 */
export function lifePlanIssues(drawnUpOn: CalendarDate, goals: readonly LifePlanGoal[]): FieldIssue[] {
  const issues = calendarDateIssues({ drawnUpOn });
  if (goals.length === 0) issues.push({ field: 'goals', message: 'must hold at least one goal' });
  const goalIds = new Set<string>();
  const actionIds = new Set<string>();
  goals.forEach((goal, goalIndex) => {
    const goalField = `goals.${goalIndex}`;
    if (goalIds.has(goal.goalId)) issues.push({ field: `${goalField}.goalId`, message: 'repeats the id of another goal' });
    goalIds.add(goal.goalId);
    if (goal.actions.length === 0) issues.push({ field: `${goalField}.actions`, message: 'must hold at least one action' });
    goal.actions.forEach((action, actionIndex) => {
      const field = `${goalField}.actions.${actionIndex}`;
      if (actionIds.has(action.actionId)) {
        issues.push({ field: `${field}.actionId`, message: 'repeats the id of another action in the plan' });
      }
      actionIds.add(action.actionId);
      const badDate = calendarDateIssues({ [`${field}.dueOn`]: action.dueOn });
      issues.push(...badDate);
      if (badDate.length === 0 && isCalendarDate(drawnUpOn) && action.dueOn < drawnUpOn) {
        issues.push({ field: `${field}.dueOn`, message: 'must not be before the plan is drawn up' });
      }
    });
  });
  return issues;
}

export function actionsOf(plan: LifePlan): LifePlanAction[] {
  return plan.goals.flatMap((goal) => goal.actions);
}

export function progressOf(plan: LifePlan, actionId: string): ActionProgress | undefined {
  return plan.progress.find((entry) => entry.actionId === actionId);
}

export function planCompletion(plan: LifePlan): { readonly actionsDone: number; readonly actionsTotal: number } {
  const actions = actionsOf(plan);
  const actionsDone = actions.filter((action) => progressOf(plan, action.actionId)?.completed === true).length;
  return { actionsDone, actionsTotal: actions.length };
}
