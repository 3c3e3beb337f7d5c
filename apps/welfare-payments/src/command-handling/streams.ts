import type { StreamRef } from '@khu-siao/event-store';

export const programmeStream = (programmeId: string): StreamRef => ({ aggregateType: 'programme', aggregateId: programmeId });
export const budgetStream = (budgetId: string): StreamRef => ({ aggregateType: 'budget', aggregateId: budgetId });
export const grantStream = (grantId: string): StreamRef => ({ aggregateType: 'grant', aggregateId: grantId });
export const centreStream = (centreId: string): StreamRef => ({ aggregateType: 'centre', aggregateId: centreId });
