import type { StreamRef } from '@khu-siao/event-store';

export const householdStream = (householdId: string): StreamRef => ({ aggregateType: 'household', aggregateId: householdId });
