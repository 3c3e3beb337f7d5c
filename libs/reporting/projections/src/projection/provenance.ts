import type { EventEnvelope } from '@khu-siao/contracts';
import type { Contribution } from '../rollup/counters';

/** One event's part in a figure: the figure moved by `change` when it was applied. */
export interface ProvenanceEntry {
  readonly eventId: string;
  readonly type: string;
  readonly aggregateType: string;
  readonly aggregateId: string;
  readonly aggregateVersion: number;
  readonly occurredAt: string;
  readonly change: number;
}

/** How much an event's delta moved the selected figures of one roll-up document (0: it played no part). */
export function changeToFigure(delta: Contribution, documentId: string, selects: (figure: string) => boolean): number {
  const counters = delta.get(documentId);
  if (!counters) return 0;
  return Object.entries(counters).reduce((sum, [figure, amount]) => (selects(figure) ? sum + amount : sum), 0);
}

export function provenanceEntry(event: EventEnvelope, change: number): ProvenanceEntry {
  return {
    eventId: event.eventId,
    type: event.type,
    aggregateType: event.aggregateType,
    aggregateId: event.aggregateId,
    aggregateVersion: event.aggregateVersion,
    occurredAt: event.occurredAt,
    change,
  };
}
