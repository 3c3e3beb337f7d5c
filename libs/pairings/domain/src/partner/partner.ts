import type { DataOf, PartnerRegistered, SupportPledged } from '@khu-siao/contracts';
import type { PartnerEvent } from '../pairings-events';

export type PartnerSector = DataOf<typeof PartnerRegistered>['sector'];
export type Pledge = Omit<DataOf<typeof SupportPledged>, 'partnerId'>;
export type Support = Pledge['support'];
export type SupportKind = Support['kind'];

export interface Partner {
  readonly status: 'registered';
  readonly partnerId: string;
  readonly name: string;
  readonly sector: PartnerSector;
  readonly mouSignedOn: string;
  readonly pledges: readonly Pledge[];
}

export type PartnerState = { readonly status: 'notRegistered' } | Partner;

export const initialPartnerState = (): PartnerState => ({ status: 'notRegistered' });

export function evolvePartner(state: PartnerState, event: PartnerEvent): PartnerState {
  if (event.type === 'PartnerRegistered') return { status: 'registered', ...event.data, pledges: [] };
  if (state.status === 'notRegistered') return state;
  switch (event.type) {
    case 'SupportPledged': {
      const { partnerId: _partnerId, ...pledge } = event.data;
      return { ...state, pledges: [...state.pledges, pledge] };
    }
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
