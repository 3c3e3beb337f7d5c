import type { Grant } from '../grant/grant';
import type { WelfareEvent } from '../welfare-events';
import { grantsIn } from './grants';

/** A household's assistance history: every grant it was given, in the order they were made, with their payments. */
export function householdAssistanceHistory(events: readonly WelfareEvent[], householdId: string): Grant[] {
  return grantsIn(events).filter((grant) => grant.recipient.kind === 'household' && grant.recipient.householdId === householdId);
}
