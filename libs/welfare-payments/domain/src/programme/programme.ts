import type { DataOf, ProgrammeDefined } from '@khu-siao/contracts';
import type { Satang } from '../money/satang';
import type { ProgrammeEvent } from '../welfare-events';

type Definition = DataOf<typeof ProgrammeDefined>;
export type ProgrammeKind = Definition['kind'];
export type RecipientKind = Definition['recipients'][number];

/**
 * An assistance programme: the family assistance grant (3,000 baht), the subsidy to Community Family Development
 * Centres, in-kind help such as survival bags. Its own aggregate because budgets and grants refer to it by id and
 * its rules (who may receive it, its standard amount) change far less often than they are read.
 */
export interface Programme {
  readonly status: 'open' | 'closed';
  readonly programmeId: string;
  readonly name: string;
  readonly kind: ProgrammeKind;
  readonly recipients: readonly RecipientKind[];
  readonly standardAmount: Satang | null;
}

export type ProgrammeState = { readonly status: 'undefined' } | Programme;

export const initialProgrammeState = (): ProgrammeState => ({ status: 'undefined' });

export function evolveProgramme(state: ProgrammeState, event: ProgrammeEvent): ProgrammeState {
  switch (event.type) {
    case 'ProgrammeDefined': {
      const { programmeId, name, kind, recipients, standardAmount } = event.data;
      return { status: 'open', programmeId, name, kind, recipients, standardAmount: standardAmount ?? null };
    }
    case 'ProgrammeClosed':
      return state.status === 'undefined' ? state : { ...state, status: 'closed' };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

/** What a grant needs to know of its programme; the application loads it and puts it in the grant command. */
export type ProgrammeFacts = Pick<Programme, 'programmeId' | 'status' | 'recipients' | 'standardAmount'>;

/** The facts for a grant command, or null when the programme was never defined (the grant is then refused, 404). */
export function programmeFactsOf(state: ProgrammeState): ProgrammeFacts | null {
  if (state.status === 'undefined') return null;
  const { programmeId, status, recipients, standardAmount } = state;
  return { programmeId, status, recipients, standardAmount };
}
