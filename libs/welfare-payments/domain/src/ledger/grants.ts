import { evolveGrant, initialGrantState, type Grant, type GrantState } from '../grant/grant';
import type { GrantEvent, WelfareEvent } from '../welfare-events';

const grantEventTypes: ReadonlySet<string> = new Set<GrantEvent['type']>([
  'AssistanceGranted',
  'DisbursementStarted',
  'AssistanceDisbursed',
  'DisbursementFailed',
  'DisbursementReversed',
  'GrantCancelled',
]);

export function isGrantEvent(event: WelfareEvent): event is GrantEvent {
  return grantEventTypes.has(event.type);
}

/** Every grant in a list of events, folded with the grant's own `evolve`: the read side and the decider agree by construction. */
export function grantsIn(events: readonly WelfareEvent[]): Grant[] {
  const states = new Map<string, GrantState>();
  for (const event of events) {
    if (!isGrantEvent(event)) continue;
    const { grantId } = event.data;
    states.set(grantId, evolveGrant(states.get(grantId) ?? initialGrantState(), event));
  }
  return [...states.values()].filter((state): state is Grant => state.status !== 'none');
}
