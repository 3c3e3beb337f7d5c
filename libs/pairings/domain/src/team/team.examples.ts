import { specificationFor } from '@khu-siao/decider/testing';
import type { PairingsEventOfType } from '../pairings-events';
import { teamDecider } from './business-logic';
import type { AddTeamMember, FormTeam } from './commands';

export const { given } = specificationFor(teamDecider);

export const formTeam: FormTeam = {
  type: 'FormTeam',
  teamId: 'team-400101',
  kind: 'operational',
  name: 'Nai Mueang operational team',
  area: { districtCode: '4001', tambonCode: '400101' },
  formedOn: '2022-01-10',
};

export const teamFormed: PairingsEventOfType<'TeamFormed'> = {
  type: 'TeamFormed',
  data: { teamId: 'team-400101', kind: 'operational', name: 'Nai Mueang operational team', area: { districtCode: '4001', tambonCode: '400101' }, formedOn: '2022-01-10' },
};

export function addMember(officialId: string, role: AddTeamMember['role'] = 'member', overrides: Partial<Omit<AddTeamMember, 'type'>> = {}): AddTeamMember {
  return { type: 'AddTeamMember', teamId: 'team-400101', officialId, officialEnrolled: true, role, addedOn: '2022-01-12', ...overrides };
}

export function memberAdded(officialId: string, role: AddTeamMember['role'] = 'member'): PairingsEventOfType<'TeamMemberAdded'> {
  return { type: 'TeamMemberAdded', data: { teamId: 'team-400101', officialId, role, addedOn: '2022-01-12' } };
}
