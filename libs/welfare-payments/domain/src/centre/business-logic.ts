import { centreKinds } from '@khu-siao/contracts';
import { IllegalStateError, InvalidCommandError, NotFoundError, type Decider } from '@khu-siao/decider';
import { oneOfIssues, refuseIfAny, textIssues } from '@khu-siao/decider';
import { instantIssues } from '../fiscal-year/thai-time';
import type { CentreEvent } from '../welfare-events';
import { evolveCentre, initialCentreState, type Centre, type CentreState } from './centre';
import type { CentreCommand, CloseCentre, RegisterCentre, RelocateCentre } from './commands';
import { centreAreaIssues } from './khon-kaen-area';

function decide(command: CentreCommand, state: CentreState): CentreEvent[] {
  switch (command.type) {
    case 'RegisterCentre':
      return register(command, state);
    case 'RelocateCentre':
      return relocate(command, state);
    case 'CloseCentre':
      return close(command, state);
    default: {
      const unknown: never = command;
      const type = String((unknown as { type?: unknown }).type);
      throw new InvalidCommandError([{ field: 'type', message: `is not a centre command: ${type}` }]);
    }
  }
}

export const centreDecider: Decider<CentreCommand, CentreEvent, CentreState> = {
  initialState: initialCentreState,
  decide,
  evolve: evolveCentre,
};

function register(command: RegisterCentre, state: CentreState): CentreEvent[] {
  const { centreId, name, kind, area, registeredBy, registeredAt } = command;
  refuseIfAny([
    ...textIssues({ centreId }, 200),
    ...textIssues({ name }, 200),
    ...oneOfIssues('kind', kind, centreKinds),
    ...centreAreaIssues(area, 'area'),
    ...textIssues({ registeredBy }, 200),
    ...instantIssues({ registeredAt }),
  ]);
  if (state.status !== 'unregistered') throw new IllegalStateError(`centre ${centreId} is already registered`);
  return [{ type: 'CentreRegistered', data: { centreId, name, kind, area: areaOf(area), registeredBy, registeredAt } }];
}

function relocate(command: RelocateCentre, state: CentreState): CentreEvent[] {
  const { centreId, area, reason, relocatedBy, relocatedAt } = command;
  refuseIfAny([...centreAreaIssues(area, 'area'), ...textIssues({ reason }), ...textIssues({ relocatedBy }, 200), ...instantIssues({ relocatedAt })]);
  const centre = open(state, centreId);
  // A retried relocation finds the centre where it asked for: nothing more to record.
  if (centre.area.tambonCode === area.tambonCode && centre.area.districtCode === area.districtCode) return [];
  return [{ type: 'CentreRelocated', data: { centreId: centre.centreId, area: areaOf(area), reason, relocatedBy, relocatedAt } }];
}

function close(command: CloseCentre, state: CentreState): CentreEvent[] {
  const { centreId, reason, closedBy, closedAt } = command;
  refuseIfAny([...textIssues({ reason }), ...textIssues({ closedBy }, 200), ...instantIssues({ closedAt })]);
  const centre = open(state, centreId);
  return [{ type: 'CentreClosed', data: { centreId: centre.centreId, reason, closedBy, closedAt } }];
}

function open(state: CentreState, centreId: string): Centre {
  if (state.status === 'unregistered') throw new NotFoundError('centre', centreId);
  if (state.status === 'closed') throw new IllegalStateError(`centre ${centreId} is closed`);
  return state;
}

/** Only the three codes, whatever else the caller's object carried: the contract refuses unknown keys. */
function areaOf({ provinceCode, districtCode, tambonCode }: RegisterCentre['area']): RegisterCentre['area'] {
  return { provinceCode, districtCode, tambonCode };
}
