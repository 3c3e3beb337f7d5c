import type { Collection } from 'mongodb';
import type { EventEnvelope } from '@khu-siao/contracts';
import type { CommitDocument, PositionCounter } from './commit-document';

export interface LogCommit {
  readonly position: number;
  readonly recordedAt: Date;
  /** As stored: a reader that needs the current schema version reads them through the catalogue. */
  readonly events: readonly EventEnvelope[];
}

export interface LogPage {
  readonly commits: readonly LogCommit[];
  /** The position this page reaches: every position up to it has been read (or was a gap). */
  readonly position: number;
  /** A position that was allocated but is not stored yet; the reader waits for it rather than skip it. */
  readonly waitingAt?: number;
}

export interface EventLogOptions {
  /** How long an allocated-but-missing position may stay missing before its writer is taken for dead. */
  readonly gapTimeoutMs?: number;
  readonly clock?: () => number;
}

/**
 * Reads the global log in position order from a checkpoint. Positions are taken from a counter before the commit
 * is stored, so a commit can land after a later-positioned one: the reader never passes a missing position. It
 * waits for it, and only after `gapTimeoutMs` claims it with a gap document — a unique `_id`, so either the late
 * commit or the gap wins, never both (a writer that loses takes a new position).
 */
export class EventLog {
  private readonly missingSince = new Map<number, number>();
  private readonly gapTimeoutMs: number;
  private readonly clock: () => number;

  constructor(
    private readonly commits: Collection<CommitDocument>,
    private readonly counters: Collection<PositionCounter>,
    private readonly fillGap: (position: number) => Promise<boolean>,
    options: EventLogOptions = {},
  ) {
    this.gapTimeoutMs = options.gapTimeoutMs ?? 2_000;
    this.clock = options.clock ?? Date.now;
  }

  /** The highest position handed out so far (possibly not stored yet). */
  async head(): Promise<number> {
    const counter = await this.counters.findOne({ _id: 'position' });
    return counter?.value ?? 0;
  }

  async read(after: number, limit = 500): Promise<LogPage> {
    // The head is read before the commits: any position at or below it that is missing is in flight or abandoned.
    const head = await this.head();
    const upTo = Math.min(after + limit, head);
    if (upTo <= after) return { commits: [], position: after };
    const wanted = Array.from({ length: upTo - after }, (_, offset) => after + offset + 1);
    // Only what a reader uses: the version keys and event ids would be decoded for nothing.
    const docs = await this.commits
      .find({ _id: { $in: wanted } }, { projection: { events: 1, recordedAt: 1, gap: 1 } })
      .toArray();
    const byPosition = new Map(docs.map((doc) => [doc._id, doc]));
    const commits: LogCommit[] = [];
    let position = after;
    for (const wantedPosition of wanted) {
      const doc = byPosition.get(wantedPosition);
      if (!doc) {
        if (await this.abandoned(wantedPosition)) {
          position = wantedPosition;
          continue;
        }
        return { commits, position, waitingAt: wantedPosition };
      }
      this.missingSince.delete(wantedPosition);
      position = wantedPosition;
      if (!doc.gap) commits.push({ position: doc._id, recordedAt: doc.recordedAt, events: doc.events });
    }
    return { commits, position };
  }

  private async abandoned(position: number): Promise<boolean> {
    const now = this.clock();
    const since = this.missingSince.get(position);
    if (since === undefined) {
      this.missingSince.set(position, now);
      return false;
    }
    if (now - since < this.gapTimeoutMs) return false;
    this.missingSince.delete(position);
    return this.fillGap(position);
  }
}
