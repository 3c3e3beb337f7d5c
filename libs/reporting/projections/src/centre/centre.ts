import type { CentreArea } from '@khu-siao/contracts';
import { bangkokDate } from '../rollup/calendar';
import { addGrantFigures } from '../grant/grant-contribution';
import { evolveGrant, type GrantFigureEvent, type GrantRecord } from '../grant/grant-record';
import { replacing } from '../household-case/household-case';
import type { EventOfType } from '../projection/projected-events';
import { addToEach, type Contribution } from '../rollup/counters';
import { areaPathOf, rollupIds } from '../rollup/rollup-ids';

/** A tambon or community centre: where it is, and the subsidies granted to it (it is the recipient). */
export interface Centre {
  readonly centreId: string;
  readonly name?: string;
  readonly kind?: string;
  readonly area?: CentreArea;
  readonly registered: boolean;
  readonly closedOn?: string;
  readonly grants: readonly GrantRecord[];
}

/** The centre's own events, and the budget allocation that tells its kind where its registration has not arrived. */
export const centreEventTypes = ['CentreRegistered', 'CentreRelocated', 'CentreClosed', 'BudgetAllocated'] as const;
export type CentreEvent = EventOfType<(typeof centreEventTypes)[number]>;

export const emptyCentre = (centreId: string): Centre => ({ centreId, registered: false, grants: [] });

export function evolveCentre(state: Centre, event: CentreEvent): Centre {
  switch (event.type) {
    case 'CentreRegistered': {
      const { data } = event;
      return { ...state, name: data.name, kind: data.kind, area: data.area, registered: true };
    }
    case 'CentreRelocated':
      return { ...state, area: event.data.area };
    case 'CentreClosed':
      return { ...state, closedOn: bangkokDate(event.data.closedAt) };
    case 'BudgetAllocated':
      return { ...state, kind: state.kind ?? event.data.centreKind };
    default:
      return state;
  }
}

export function evolveCentreGrant(state: Centre, grantId: string, event: GrantFigureEvent): Centre {
  const grant = evolveGrant(state.grants.find((entry) => entry.grantId === grantId), event);
  return grant ? { ...state, grants: replacing(state.grants, grant, (entry) => entry.grantId) } : state;
}

/** Open registered centres per area, and the subsidies paid to them, in the centre's tambon (or unplaced until known). */
export function centreContribution(state: Centre): Contribution {
  const into: Contribution = new Map();
  const areas = areaPathOf(state.area);
  if (state.registered && state.closedOn === undefined) addToEach(into, areas.map(rollupIds.area), 'centres');
  addGrantFigures(into, areas, state.grants);
  return into;
}
