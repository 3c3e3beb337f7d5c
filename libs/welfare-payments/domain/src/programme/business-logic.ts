import { programmeKinds, recipientKinds, type FieldIssue } from '@khu-siao/contracts';
import { IllegalStateError, InvalidCommandError, NotFoundError, type Decider } from '@khu-siao/decider';
import { optional, refuseIfAny, textIssues } from '@khu-siao/decider';
import { instantIssues } from '../fiscal-year/thai-time';
import { amountIssues, maxGrantAmount } from '../money/satang';
import type { ProgrammeEvent } from '../welfare-events';
import type { CloseProgramme, DefineProgramme, ProgrammeCommand } from './commands';
import { evolveProgramme, initialProgrammeState, type ProgrammeState } from './programme';

function decide(command: ProgrammeCommand, state: ProgrammeState): ProgrammeEvent[] {
  switch (command.type) {
    case 'DefineProgramme':
      return define(command, state);
    case 'CloseProgramme':
      return close(command, state);
    default: {
      const unknown: never = command;
      const type = String((unknown as { type?: unknown }).type);
      throw new InvalidCommandError([{ field: 'type', message: `is not a programme command: ${type}` }]);
    }
  }
}

export const programmeDecider: Decider<ProgrammeCommand, ProgrammeEvent, ProgrammeState> = {
  initialState: initialProgrammeState,
  decide,
  evolve: evolveProgramme,
};

function define(command: DefineProgramme, state: ProgrammeState): ProgrammeEvent[] {
  const { programmeId, name, kind, recipients, standardAmount, definedBy, definedAt } = command;
  refuseIfAny([
    ...textIssues({ programmeId, definedBy }, 200),
    ...textIssues({ name }, 200),
    ...(programmeKinds.includes(kind) ? [] : [{ field: 'kind', message: `must be one of ${programmeKinds.join(', ')}` }]),
    ...recipientIssues(recipients),
    ...(standardAmount === undefined ? [] : amountIssues('standardAmount', standardAmount, maxGrantAmount)),
    ...instantIssues({ definedAt }),
  ]);
  if (state.status !== 'undefined') throw new IllegalStateError(`programme ${programmeId} is already defined`);
  const data = { programmeId, name, kind, recipients: [...recipients], ...optional('standardAmount', standardAmount), definedBy, definedAt };
  return [{ type: 'ProgrammeDefined', data }];
}

function close(command: CloseProgramme, state: ProgrammeState): ProgrammeEvent[] {
  const { programmeId, reason, closedBy, closedAt } = command;
  refuseIfAny([...textIssues({ reason }), ...textIssues({ closedBy }, 200), ...instantIssues({ closedAt })]);
  if (state.status === 'undefined') throw new NotFoundError('programme', programmeId);
  if (state.status === 'closed') throw new IllegalStateError(`programme ${programmeId} is already closed`);
  return [{ type: 'ProgrammeClosed', data: { programmeId: state.programmeId, reason, closedBy, closedAt } }];
}

function recipientIssues(recipients: readonly string[]): FieldIssue[] {
  if (recipients.length === 0) return [{ field: 'recipients', message: 'must name at least one kind of recipient' }];
  return recipients.flatMap((recipient, index): FieldIssue[] => {
    if (!(recipientKinds as readonly string[]).includes(recipient)) {
      return [{ field: `recipients.${index}`, message: `must be one of ${recipientKinds.join(', ')}` }];
    }
    return recipients.indexOf(recipient) < index ? [{ field: `recipients.${index}`, message: 'is listed twice' }] : [];
  });
}
