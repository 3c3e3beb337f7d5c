import type { EventOfType } from '../projection/projected-events';

/** A programme's name and kind, for the dashboards' labels. */
export interface ProgrammeLabel {
  readonly programmeId: string;
  readonly name: string;
  readonly kind: string;
  readonly standardAmount?: number;
  readonly closedOn?: string;
}

export const programmeEventTypes = ['ProgrammeDefined', 'ProgrammeClosed'] as const;
export type ProgrammeEvent = EventOfType<(typeof programmeEventTypes)[number]>;

export function evolveProgramme(state: ProgrammeLabel | undefined, event: ProgrammeEvent): ProgrammeLabel | undefined {
  switch (event.type) {
    case 'ProgrammeDefined': {
      const { data } = event;
      return { programmeId: data.programmeId, name: data.name, kind: data.kind, standardAmount: data.standardAmount };
    }
    case 'ProgrammeClosed':
      return state && { ...state, closedOn: event.data.closedAt.slice(0, 10) };
    default:
      return state;
  }
}
