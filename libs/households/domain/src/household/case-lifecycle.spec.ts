import { IllegalStateError } from '@khu-siao/decider';
import type { HouseholdCommand } from './commands';
import {
  allActionsCompleted,
  assess,
  assessed,
  cleanAssessment,
  contractIssuesOf,
  drawUp,
  elsewhere,
  given,
  members,
  planDrawnUp,
  register,
  registered,
  today,
} from './household.examples';

/** One of each command but registration, each valid on an open case. */
const commands: HouseholdCommand[] = [
  { type: 'UpdateMembers', members: members.slice(0, 2), today },
  { type: 'MoveHousehold', to: elsewhere, movedOn: '2025-01-10' },
  assess({ assessmentId: 'as-9', assessedOn: '2025-01-10' }),
  { type: 'OverrideClassification', to: 'welfare', reason: 'a reason', officialId: 'official-9' },
  { ...drawUp, planId: 'plan-9' },
  { type: 'RecordActionProgress', actionId: 'a-training', percentDone: 100, completed: true, note: 'again', recordedOn: '2025-01-10' },
  { type: 'GraduateHousehold', graduatedOn: '2025-01-10' },
  { type: 'CloseCase', closedOn: '2025-01-10', reason: 'died' },
];

const byType = commands.map((command) => [command.type, command] as const);

const finished = [registered, assessed(), planDrawnUp, ...allActionsCompleted, cleanAssessment] as const;
const graduated = { type: 'HouseholdGraduated' as const, data: { graduatedOn: '2024-12-15', assessmentId: 'as-2' } };
const closed = { type: 'HouseholdCaseClosed' as const, data: { closedOn: '2024-12-20', reason: 'movedAway' as const } };

describe("a household's case", () => {
  it.each(byType)('accepts %s while it is open', (_type, command) => {
    const events = given(...finished).when(command).events();
    expect(events).toHaveLength(1);
    expect(contractIssuesOf(events)).toEqual([]);
  });

  it.each(byType)('refuses %s once the household has graduated', (_type, command) => {
    given(...finished, graduated).when(command).thenThrows(IllegalStateError, 'the household has graduated: its case is finished');
  });

  it.each(byType)('refuses %s once it is closed', (_type, command) => {
    given(...finished, closed).when(command).thenThrows(IllegalStateError, "the household's case is closed");
  });

  it.each(byType)('refuses %s before the household is registered', (_type, command) => {
    given().when(command).thenThrows(IllegalStateError, 'the household is not registered');
  });

  it.each([
    ['graduated', graduated],
    ['closed', closed],
  ] as const)('refuses to register a household again once %s', (_case, last) => {
    given(...finished, last).when(register).thenThrows(IllegalStateError, 'the household is already registered');
  });
});
