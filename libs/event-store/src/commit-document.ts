import type { EventEnvelope } from '@khu-siao/contracts';

/**
 * One append = one document, so that an append is atomic without transactions. `_id` is the commit's position in
 * the global log (allocated from a counter); `prev`/`last` are the stream versions before and after it. The unique
 * index on (streamId, prev) lets only one commit follow a given version, and the one on (streamId, last) lets the
 * next append check that its expected version really ends a commit: together no gap and no overlap in a stream.
 */
export interface CommitDocument {
  _id: number;
  streamId: string;
  prev: number;
  last: number;
  eventIds: string[];
  events: EventEnvelope[];
  recordedAt: Date;
  /** A position that was allocated but never used (its writer failed or died); carries no events. */
  gap?: true;
}

export interface PositionCounter {
  _id: 'position';
  value: number;
}

export const GAP_STREAM = '$gap';

export function gapCommit(position: number, recordedAt: Date): CommitDocument {
  return {
    _id: position,
    streamId: GAP_STREAM,
    prev: position,
    last: position,
    eventIds: [`${GAP_STREAM}-${position}`],
    events: [],
    recordedAt,
    gap: true,
  };
}
