import type { CentreArea, CentreRegistered, DataOf } from '@khu-siao/contracts';
import type { CentreEvent } from '../welfare-events';

export type CentreKind = DataOf<typeof CentreRegistered>['kind'];

/**
 * A tambon social-assistance centre (ศูนย์ช่วยเหลือสังคมตำบล) or a Community Family Development Centre: the place
 * that holds budgets and pays grants. An aggregate of its own, located in a tambon and district but not the tambon
 * itself, so budgets and grants name it by id and the reporting service can place its money in an area.
 */
export interface Centre {
  readonly status: 'open' | 'closed';
  readonly centreId: string;
  readonly name: string;
  readonly kind: CentreKind;
  readonly area: CentreArea;
}

export type CentreState = { readonly status: 'unregistered' } | Centre;

export const initialCentreState = (): CentreState => ({ status: 'unregistered' });

export function evolveCentre(state: CentreState, event: CentreEvent): CentreState {
  if (event.type === 'CentreRegistered') {
    const { centreId, name, kind, area } = event.data;
    return { status: 'open', centreId, name, kind, area };
  }
  // Only a registration starts a centre: a stream never holds anything before it.
  if (state.status === 'unregistered') return state;
  switch (event.type) {
    case 'CentreRelocated':
      return { ...state, area: event.data.area };
    case 'CentreClosed':
      return { ...state, status: 'closed' };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

/** What a budget allocation needs to know of its centre; the application loads it and puts it in the command. */
export type CentreFacts = Pick<Centre, 'centreId' | 'kind' | 'status'>;

/** The facts for an allocation, or null when the centre is not on the register (the allocation is then refused, 404). */
export function centreFactsOf(state: CentreState): CentreFacts | null {
  if (state.status === 'unregistered') return null;
  const { centreId, kind, status } = state;
  return { centreId, kind, status };
}
