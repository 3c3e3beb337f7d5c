import type { DataOf, TeamFormed, TeamMemberAdded } from '@khu-siao/contracts';
import type { CalendarDate } from '@khu-siao/decider';
import type { TeamEvent } from '../pairings-events';

export type TeamKind = DataOf<typeof TeamFormed>['kind'];
export type TeamArea = DataOf<typeof TeamFormed>['area'];
export type TeamRole = DataOf<typeof TeamMemberAdded>['role'];

export interface TeamMember {
  readonly officialId: string;
  readonly role: TeamRole;
  readonly addedOn: CalendarDate;
}

export interface Team {
  readonly status: 'formed';
  readonly teamId: string;
  readonly kind: TeamKind;
  readonly name: string;
  readonly area: TeamArea;
  readonly formedOn: CalendarDate;
  readonly members: readonly TeamMember[];
}

export type TeamState = { readonly status: 'notFormed' } | Team;

export const initialTeamState = (): TeamState => ({ status: 'notFormed' });

export function evolveTeam(state: TeamState, event: TeamEvent): TeamState {
  if (event.type === 'TeamFormed') return { status: 'formed', ...event.data, members: [] };
  if (state.status === 'notFormed') return state;
  switch (event.type) {
    case 'TeamMemberAdded': {
      const { officialId, role, addedOn } = event.data;
      return { ...state, members: [...state.members, { officialId, role, addedOn }] };
    }
    case 'TeamMemberRemoved':
      return { ...state, members: state.members.filter((member) => member.officialId !== event.data.officialId) };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
