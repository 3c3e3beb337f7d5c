import { IllegalStateError, InvalidCommandError, NotFoundError, type Decider } from '@khu-siao/decider';
import { calendarDateIssues } from '@khu-siao/decider';
import { requireUnerasedHousehold } from '../household/household-facts';
import { refuseIfAny, textIssues } from '@khu-siao/decider';
import type { VisitEvent } from '../pairings-events';
import type { CorrectVisit, LogVisit, VisitCommand } from './commands';
import { evolveVisit, initialVisitState, type Visit, type VisitState } from './visit';
import { sameDetails, visitDetailsIssues, visitDetailsOf } from './visit-details';

/** One stream per visit: its log and its corrections. Visits of one household never contend with each other. */
function decide(command: VisitCommand, state: VisitState): VisitEvent[] {
  switch (command.type) {
    case 'LogVisit':
      return log(command, state);
    case 'CorrectVisit':
      return correct(command, logged(state, command.visitId));
    default: {
      const unknown: never = command;
      const type = String((unknown as { type?: unknown }).type);
      throw new InvalidCommandError([{ field: 'type', message: `is not a visit command: ${type}` }]);
    }
  }
}

export const visitDecider: Decider<VisitCommand, VisitEvent, VisitState> = {
  initialState: initialVisitState,
  decide,
  evolve: evolveVisit,
};

function logged(state: VisitState, visitId: string): Visit {
  if (state.status === 'notLogged') throw new NotFoundError('visit', visitId);
  return state;
}

function log(command: LogVisit, state: VisitState): VisitEvent[] {
  const { visitId, householdId, household, today } = command;
  refuseIfAny([...textIssues({ visitId, householdId }, 200), ...calendarDateIssues({ today }), ...visitDetailsIssues(command, today)]);
  if (state.status !== 'notLogged') throw new IllegalStateError(`visit ${visitId} is already logged: correct it instead`);
  // A visit may be logged after the case closed (it happened before), but only for a household that exists and
  // whose data was not erased.
  requireUnerasedHousehold(householdId, household);
  return [{ type: 'VisitLogged', data: { visitId, householdId, ...visitDetailsOf(command) } }];
}

function correct(command: CorrectVisit, visit: Visit): VisitEvent[] {
  const { details, reason, correctedBy, today } = command;
  refuseIfAny([
    ...textIssues({ reason }),
    ...textIssues({ correctedBy }, 200),
    ...calendarDateIssues({ today }),
    ...visitDetailsIssues(details, today, 'details.'),
  ]);
  // Restating what already stands corrects nothing (and a retried correction finds itself applied).
  if (sameDetails(details, visit.details)) return [];
  const data = { visitId: visit.visitId, householdId: visit.householdId, details: visitDetailsOf(details), reason, correctedBy, correctedOn: today };
  return [{ type: 'VisitCorrected', data }];
}
