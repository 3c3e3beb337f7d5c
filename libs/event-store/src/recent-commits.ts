import type { LogCommit } from './event-log';

/**
 * The commits this process stored last, by position, up to a number of events: a log reader in the same process
 * (the relay) takes them from here instead of reading back what was just written. A stored commit never changes.
 * It also knows the positions this process is storing right now, which such a reader waits for without a query.
 */
export class RecentCommits {
  /** Insertion order is roughly position order: the first entries are the ones to forget. */
  private readonly commits = new Map<number, LogCommit>();
  private events = 0;
  private readonly storing = new Set<number>();

  constructor(private readonly maxEvents: number) {}

  add(commit: LogCommit): void {
    if (commit.events.length > this.maxEvents) return;
    this.commits.set(commit.position, commit);
    this.events += commit.events.length;
    for (const [position, oldest] of this.commits) {
      if (this.events <= this.maxEvents) break;
      this.commits.delete(position);
      this.events -= oldest.events.length;
    }
  }

  get(position: number): LogCommit | undefined {
    return this.commits.get(position);
  }

  isStoring(position: number): boolean {
    return this.storing.has(position);
  }

  /** Marks the positions as being stored until `write` settles. */
  async whileStoring<T>(positions: readonly number[], write: () => Promise<T>): Promise<T> {
    for (const position of positions) this.storing.add(position);
    try {
      return await write();
    } finally {
      for (const position of positions) this.storing.delete(position);
    }
  }
}
