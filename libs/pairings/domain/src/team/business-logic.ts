import { teamKinds, teamRoles, type FieldIssue } from '@khu-siao/contracts';
import { IllegalStateError, InvalidCommandError, NotFoundError, type Decider } from '@khu-siao/decider';
import { calendarDateIssues } from '@khu-siao/decider';
import { oneOfIssues, optional, optionalTextIssues, refuseIfAny, textIssues } from '@khu-siao/decider';
import type { TeamEvent } from '../pairings-events';
import type { AddTeamMember, FormTeam, RemoveTeamMember, TeamCommand } from './commands';
import { evolveTeam, initialTeamState, type Team, type TeamArea, type TeamState } from './team';

/** One stream per team: its area and its members. An official may belong to several teams. */
function decide(command: TeamCommand, state: TeamState): TeamEvent[] {
  switch (command.type) {
    case 'FormTeam':
      return form(command, state);
    case 'AddTeamMember':
      return addMember(command, formed(state, command.teamId));
    case 'RemoveTeamMember':
      return removeMember(command, formed(state, command.teamId));
    default: {
      const unknown: never = command;
      const type = String((unknown as { type?: unknown }).type);
      throw new InvalidCommandError([{ field: 'type', message: `is not a team command: ${type}` }]);
    }
  }
}

export const teamDecider: Decider<TeamCommand, TeamEvent, TeamState> = {
  initialState: initialTeamState,
  decide,
  evolve: evolveTeam,
};

function formed(state: TeamState, teamId: string): Team {
  if (state.status === 'notFormed') throw new NotFoundError('team', teamId);
  return state;
}

function form(command: FormTeam, state: TeamState): TeamEvent[] {
  const { teamId, kind, name, area, formedOn } = command;
  refuseIfAny([
    ...textIssues({ teamId, name }, 200),
    ...oneOfIssues('kind', kind, teamKinds),
    ...areaIssues(area),
    ...calendarDateIssues({ formedOn }),
  ]);
  if (state.status !== 'notFormed') throw new IllegalStateError(`team ${teamId} is already formed`);
  const data = { teamId, kind, name, area: { districtCode: area.districtCode, ...optional('tambonCode', area.tambonCode) }, formedOn };
  return [{ type: 'TeamFormed', data }];
}

/** Official codes: a 4-digit district, optionally a 6-digit tambon inside it. */
function areaIssues(area: TeamArea): FieldIssue[] {
  const { districtCode, tambonCode } = area;
  const issues: FieldIssue[] = [];
  if (!/^\d{4}$/.test(districtCode)) issues.push({ field: 'area.districtCode', message: 'must be a 4-digit district code' });
  if (tambonCode !== undefined) {
    if (!/^\d{6}$/.test(tambonCode)) issues.push({ field: 'area.tambonCode', message: 'must be a 6-digit tambon code' });
    else if (!tambonCode.startsWith(districtCode)) issues.push({ field: 'area.tambonCode', message: 'must lie in the district' });
  }
  return issues;
}

function addMember(command: AddTeamMember, team: Team): TeamEvent[] {
  const { teamId, officialId, officialEnrolled, role, addedOn } = command;
  const issues = [...textIssues({ officialId }, 200), ...oneOfIssues('role', role, teamRoles), ...calendarDateIssues({ addedOn })];
  if (issues.length === 0 && addedOn < team.formedOn) issues.push({ field: 'addedOn', message: 'must not precede the forming of the team' });
  refuseIfAny(issues);
  if (!officialEnrolled) throw new NotFoundError('official', officialId);
  const member = team.members.find((candidate) => candidate.officialId === officialId);
  if (member) throw new IllegalStateError(`official ${officialId} is already a ${member.role} of team ${teamId}`);
  const leader = team.members.find((candidate) => candidate.role === 'leader');
  if (role === 'leader' && leader) throw new IllegalStateError(`team ${teamId} already has a leader, official ${leader.officialId}`);
  return [{ type: 'TeamMemberAdded', data: { teamId, officialId, role, addedOn } }];
}

function removeMember(command: RemoveTeamMember, team: Team): TeamEvent[] {
  const { teamId, officialId, removedOn, reason } = command;
  const issues = [...textIssues({ officialId }, 200), ...calendarDateIssues({ removedOn }), ...optionalTextIssues({ reason })];
  const member = team.members.find((candidate) => candidate.officialId === officialId);
  if (member && issues.length === 0 && removedOn < member.addedOn) {
    issues.push({ field: 'removedOn', message: 'must not precede the day the official joined' });
  }
  refuseIfAny(issues);
  if (!member) throw new IllegalStateError(`official ${officialId} is not a member of team ${teamId}`);
  return [{ type: 'TeamMemberRemoved', data: { teamId, officialId, removedOn, ...optional('reason', reason) } }];
}
