import type { BudgetAllocated, DataOf, EventEnvelope } from '@khu-siao/contracts';
import { addGrantFigures } from '../grant/grant-contribution';
import { evolveGrant, type GrantRecord } from '../grant/grant-record';
import { addToEach, type Contribution } from '../rollup/counters';
import { areaPathOf, rollupIds } from '../rollup/rollup-ids';

/** A tambon or community centre: where it is, and the subsidies granted to it (it is the recipient). */
export interface Centre {
  readonly centreId: string;
  readonly name?: string;
  readonly kind?: string;
  readonly area?: { readonly provinceCode: string; readonly districtCode: string; readonly tambonCode: string };
  readonly registered: boolean;
  readonly grants: Readonly<Record<string, GrantRecord>>;
}

export const emptyCentre = (centreId: string): Centre => ({ centreId, registered: false, grants: {} });

export function evolveCentre(state: Centre, event: EventEnvelope): Centre {
  switch (event.type) {
    case 'BudgetAllocated':
      return { ...state, kind: state.kind ?? (event.data as DataOf<typeof BudgetAllocated>).centreKind };
    default:
      return state;
  }
}

export function evolveCentreGrant(state: Centre, grantId: string, event: EventEnvelope): Centre {
  const grant = evolveGrant(state.grants[grantId], event);
  return grant ? { ...state, grants: { ...state.grants, [grantId]: grant } } : state;
}

/** Registered centres per area, and the subsidies paid to them, in the centre's tambon (or unplaced until known). */
export function centreContribution(state: Centre): Contribution {
  const into: Contribution = new Map();
  const areas = areaPathOf(state.area);
  if (state.registered) addToEach(into, areas.map(rollupIds.area), 'centres');
  addGrantFigures(into, areas, Object.values(state.grants));
  return into;
}
