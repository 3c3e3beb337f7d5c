import { dimensions } from '@khu-siao/contracts';
import { IllegalStateError, InvalidCommandError, calendarDateIssues, optional, refuseIfAny, type CalendarDate, type Decider } from '@khu-siao/decider';
import { classify } from '../classification/classification';
import { addressIssues, sameAddress } from './address';
import type {
  AssessHousehold,
  CloseCase,
  DrawUpLifePlan,
  EraseHousehold,
  GraduateHousehold,
  HouseholdCommand,
  MoveHousehold,
  OverrideClassification,
  RecordActionProgress,
  RegisterHousehold,
  UpdateMembers,
} from './commands';
import {
  evolve,
  initialHouseholdState,
  type Household,
  type HouseholdEvent,
  type HouseholdEventOfType,
  type HouseholdState,
  type RecordedMember,
} from './household';
import { actionsOf, lifePlanIssues, planCompletion, progressOf } from './life-plan';
import { memberIssues, sameMembers } from './members';

function decide(command: HouseholdCommand, state: HouseholdState): HouseholdEvent[] {
  switch (command.type) {
    case 'RegisterHousehold':
      return register(command, state);
    case 'UpdateMembers':
      return updateMembers(command, active(state));
    case 'MoveHousehold':
      return move(command, active(state));
    case 'AssessHousehold':
      return assess(command, active(state));
    case 'OverrideClassification':
      return overrideClassification(command, active(state));
    case 'DrawUpLifePlan':
      return drawUpLifePlan(command, active(state));
    case 'RecordActionProgress':
      return recordActionProgress(command, active(state));
    case 'GraduateHousehold':
      return graduate(command, active(state));
    case 'CloseCase':
      return closeCase(command, active(state));
    case 'EraseHousehold':
      return erase(command, notErased(state));
    default: {
      const unknown: never = command;
      const type = String((unknown as { type?: unknown }).type);
      throw new InvalidCommandError([{ field: 'type', message: `is not a household command: ${type}` }]);
    }
  }
}

export const householdDecider: Decider<HouseholdCommand, HouseholdEvent, HouseholdState> = {
  initialState: initialHouseholdState,
  decide,
  evolve,
};

/** Nothing is decided on a household whose personal data is erased: it can no longer be told apart. */
function notErased(state: HouseholdState): Household {
  if (state.status === 'unregistered') throw new IllegalStateError('the household is not registered');
  if (state.erasure) throw new IllegalStateError("the household's personal data is erased");
  return state;
}

/** Every command but registration and erasure needs a household whose case is open. */
function active(state: HouseholdState): Household {
  if (state.status !== 'unregistered') notErased(state);
  switch (state.status) {
    case 'unregistered':
      throw new IllegalStateError('the household is not registered');
    case 'graduated':
      throw new IllegalStateError('the household has graduated: its case is finished');
    case 'closed':
      throw new IllegalStateError("the household's case is closed");
    case 'active':
      return state;
  }
}

function register(command: RegisterHousehold, state: HouseholdState): HouseholdEvent[] {
  if (state.status !== 'unregistered') notErased(state);
  if (state.status !== 'unregistered') throw new IllegalStateError('the household is already registered');
  refuseIfAny([
    ...calendarDateIssues({ today: command.today }),
    ...addressIssues(command.address, 'address'),
    ...memberIssues(command.members, command.today),
  ]);
  const { householdId, source, address, members } = command;
  return [{ type: 'HouseholdRegistered', data: { householdId, source, address, members: [...members] } }];
}

function updateMembers(command: UpdateMembers, household: Household): HouseholdEvent[] {
  refuseIfAny([...calendarDateIssues({ today: command.today }), ...memberIssues(command.members, command.today)]);
  if (sameMembers(command.members, household.members)) return [];
  return [{ type: 'HouseholdMembersUpdated', data: { members: [...command.members], ...optional('reason', command.reason) } }];
}

function move(command: MoveHousehold, household: Household): HouseholdEvent[] {
  refuseIfAny([...calendarDateIssues({ movedOn: command.movedOn }), ...addressIssues(command.to, 'to')]);
  if (sameAddress(command.to, household.address)) return [];
  return [{ type: 'HouseholdMoved', data: { from: household.address, to: command.to, movedOn: command.movedOn } }];
}

function assess(command: AssessHousehold, household: Household): HouseholdEvent[] {
  const { assessmentId, assessedOn, assessorId, incomePerHeadPerYear } = command;
  const issues = calendarDateIssues({ assessedOn });
  if (!Number.isInteger(incomePerHeadPerYear) || incomePerHeadPerYear < 0) {
    issues.push({ field: 'incomePerHeadPerYear', message: 'must be a whole number of satang, not negative' });
  }
  const previous = household.latestAssessment;
  if (previous && issues.length === 0 && assessedOn < previous.assessedOn) {
    issues.push({ field: 'assessedOn', message: 'must not precede the previous assessment' });
  }
  refuseIfAny(issues);
  if (household.assessmentIds.includes(assessmentId)) throw new IllegalStateError(`assessment ${assessmentId} is already recorded`);
  // Ages decide the classification: a key destroyed before its erasure was recorded leaves none to read.
  const { members } = household;
  if (!members.every(hasBirthDate)) throw new IllegalStateError("the household's personal data is erased");

  const results = Object.fromEntries(
    dimensions.map((dimension) => {
      const indicatorsFailed = [...command.dimensions[dimension].indicatorsFailed];
      return [dimension, { failed: indicatorsFailed.length > 0, indicatorsFailed }];
    }),
  ) as HouseholdEventOfType<'HouseholdAssessed'>['data']['dimensions'];
  const failedDimensions = dimensions.filter((dimension) => results[dimension].failed);
  return [
    {
      type: 'HouseholdAssessed',
      data: {
        assessmentId,
        assessedOn,
        assessorId,
        peopleCounted: household.members.length,
        dimensions: results,
        incomePerHeadPerYear,
        failedDimensions,
        classification: classify({ members, failedDimensions, assessedOn }),
      },
    },
  ];
}

function overrideClassification(command: OverrideClassification, household: Household): HouseholdEvent[] {
  refuseIfAny(isBlank(command.reason) ? [{ field: 'reason', message: 'is required to override a classification' }] : []);
  const latest = household.latestAssessment;
  if (!latest) throw new IllegalStateError('the household has no assessment whose classification could be overridden');
  if (command.to === latest.classification) throw new IllegalStateError(`the household is already classified ${command.to}`);
  const { to, reason, officialId } = command;
  const data = { assessmentId: latest.assessmentId, from: latest.classification, to, reason, officialId };
  return [{ type: 'HouseholdClassificationOverridden', data }];
}

function drawUpLifePlan(command: DrawUpLifePlan, household: Household): HouseholdEvent[] {
  refuseIfAny(lifePlanIssues(command.drawnUpOn, command.goals));
  if (!household.latestAssessment) {
    throw new IllegalStateError('the household must be assessed before its life plan is drawn up (pinpoint comes first)');
  }
  if (household.planIds.includes(command.planId)) throw new IllegalStateError(`plan ${command.planId} was already drawn up`);
  const { planId, drawnUpOn, goals, officialId } = command;
  return [{ type: 'LifePlanDrawnUp', data: { planId, drawnUpOn, goals: [...goals], officialId } }];
}

function recordActionProgress(command: RecordActionProgress, household: Household): HouseholdEvent[] {
  const { actionId, percentDone, completed, note, recordedOn } = command;
  const issues = calendarDateIssues({ recordedOn });
  if (!Number.isInteger(percentDone) || percentDone < 0 || percentDone > 100) {
    issues.push({ field: 'percentDone', message: 'must be a whole number from 0 to 100' });
  } else if (completed !== (percentDone === 100)) {
    issues.push({ field: 'completed', message: 'must be true exactly when percentDone is 100' });
  }
  const plan = household.lifePlan;
  if (plan && issues.length === 0 && recordedOn < plan.drawnUpOn) {
    issues.push({ field: 'recordedOn', message: 'must not precede the drawing up of the plan' });
  }
  refuseIfAny(issues);
  if (!plan) throw new IllegalStateError('the household has no life plan yet');
  if (!actionsOf(plan).some((action) => action.actionId === actionId)) {
    throw new IllegalStateError('no such action in the current plan');
  }
  const current = progressOf(plan, actionId);
  if (current && current.percentDone === percentDone && current.note === note) return [];
  // Completion is a fact the graduation rests on: it can be annotated but not taken back.
  if (current?.completed && !completed) throw new IllegalStateError('the action is completed: its progress cannot go back');
  return [
    {
      type: 'LifePlanActionProgressed',
      data: { planId: plan.planId, actionId, percentDone, completed, ...optional('note', note), recordedOn },
    },
  ];
}

function graduate(command: GraduateHousehold, household: Household): HouseholdEvent[] {
  const latest = household.latestAssessment;
  const issues = calendarDateIssues({ graduatedOn: command.graduatedOn });
  if (latest && issues.length === 0 && command.graduatedOn < latest.assessedOn) {
    issues.push({ field: 'graduatedOn', message: 'must not precede the latest assessment' });
  }
  refuseIfAny(issues);
  const missing: string[] = [];
  if (!latest) missing.push('the household has not been assessed');
  else if (latest.failedDimensions.length > 0) missing.push(`the latest assessment still fails ${latest.failedDimensions.join(', ')}`);
  if (!household.lifePlan) missing.push('no life plan has been drawn up');
  else {
    const { actionsDone, actionsTotal } = planCompletion(household.lifePlan);
    if (actionsDone < actionsTotal) missing.push(`${actionsTotal - actionsDone} of ${actionsTotal} plan actions are not completed`);
  }
  if (!latest || missing.length > 0) throw new IllegalStateError(`the household cannot graduate: ${missing.join('; ')}`);
  return [{ type: 'HouseholdGraduated', data: { graduatedOn: command.graduatedOn, assessmentId: latest.assessmentId } }];
}

function closeCase(command: CloseCase, _household: Household): HouseholdEvent[] {
  const { closedOn, reason, note } = command;
  const issues = calendarDateIssues({ closedOn });
  if (reason === 'other' && isBlank(note)) issues.push({ field: 'note', message: 'is required when the reason is other' });
  refuseIfAny(issues);
  return [{ type: 'HouseholdCaseClosed', data: { closedOn, reason, ...optional('note', note) } }];
}

function erase(command: EraseHousehold, _household: Household): HouseholdEvent[] {
  const { erasedOn, basis, requestRef } = command;
  const issues = calendarDateIssues({ erasedOn });
  if (!/^[A-Za-z0-9._/-]{1,100}$/.test(requestRef)) issues.push({ field: 'requestRef', message: 'must be 1 to 100 letters, digits or . _ / -' });
  refuseIfAny(issues);
  return [{ type: 'HouseholdErased', data: { erasedOn, basis, requestRef } }];
}

function hasBirthDate(member: RecordedMember): member is RecordedMember & { readonly birthDate: CalendarDate } {
  return typeof member.birthDate === 'string';
}

function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}
