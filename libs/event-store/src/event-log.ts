import type { Collection } from 'mongodb';
import type { EventEnvelope } from '@khu-siao/contracts';
import type { CommitDocument, PositionCounter } from './commit-document';
import type { RecentCommits } from './recent-commits';

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
 * commit or the gap wins, never both (a writer that loses takes a new position). The commits its own store appended
 * lately are taken from memory, not read back.
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
    private readonly recent?: RecentCommits,
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
    const remembered = this.rememberedAfter(after, limit);
    const reached = after + remembered.length;
    if (remembered.length === limit) return { commits: remembered, position: reached };
    // This process is storing the next position: the reader waits for it, and asks nothing of the database meanwhile.
    if (this.recent?.isStoring(reached + 1)) return { commits: remembered, position: reached, waitingAt: reached + 1 };
    const stored = await this.readStored(reached, limit - remembered.length);
    return remembered.length === 0 ? stored : { ...stored, commits: [...remembered, ...stored.commits] };
  }

  private async readStored(after: number, limit: number): Promise<LogPage> {
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

  /** The commits right after `after` that this process stored itself: no query needed, they are stored for sure. */
  private rememberedAfter(after: number, limit: number): LogCommit[] {
    const commits: LogCommit[] = [];
    for (let position = after + 1; position <= after + limit; position += 1) {
      const commit = this.recent?.get(position);
      if (!commit) break;
      this.missingSince.delete(position);
      commits.push(commit);
    }
    return commits;
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
