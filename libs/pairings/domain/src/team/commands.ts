import type { CalendarDate } from '@khu-siao/decider';
import type { TeamArea, TeamKind, TeamRole } from './team';

/** An operational team works an area in the field; a mentor team follows households closely. Both have an area. */
export interface FormTeam {
  readonly type: 'FormTeam';
  readonly teamId: string;
  readonly kind: TeamKind;
  readonly name: string;
  /** A district, or one tambon of it. */
  readonly area: TeamArea;
  readonly formedOn: CalendarDate;
}

export interface AddTeamMember {
  readonly type: 'AddTeamMember';
  readonly teamId: string;
  readonly officialId: string;
  /** Whether the official is enrolled, as the application's register of officials knows it. */
  readonly officialEnrolled: boolean;
  readonly role: TeamRole;
  readonly addedOn: CalendarDate;
}

export interface RemoveTeamMember {
  readonly type: 'RemoveTeamMember';
  readonly teamId: string;
  readonly officialId: string;
  readonly removedOn: CalendarDate;
  readonly reason?: string;
}

export type TeamCommand = FormTeam | AddTeamMember | RemoveTeamMember;
