import type { DataOf, EventEnvelope, ProgrammeClosed, ProgrammeDefined } from '@khu-siao/contracts';

/** A programme's name and kind, for the dashboards' labels. */
export interface ProgrammeLabel {
  readonly programmeId: string;
  readonly name: string;
  readonly kind: string;
  readonly standardAmount?: number;
  readonly closedOn?: string;
}

export function evolveProgramme(state: ProgrammeLabel | undefined, event: EventEnvelope): ProgrammeLabel | undefined {
  switch (event.type) {
    case 'ProgrammeDefined': {
      const data = event.data as DataOf<typeof ProgrammeDefined>;
      return { programmeId: data.programmeId, name: data.name, kind: data.kind, standardAmount: data.standardAmount };
    }
    case 'ProgrammeClosed':
      return state && { ...state, closedOn: (event.data as DataOf<typeof ProgrammeClosed>).closedAt.slice(0, 10) };
    default:
      return state;
  }
}
