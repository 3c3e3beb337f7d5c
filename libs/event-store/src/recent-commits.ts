import { LRUCache } from 'lru-cache';
import type { LogCommit } from './event-log';

/**
 * The commits this process stored last, by position, up to a number of events: a log reader in the same process
 * (the relay) takes them from here instead of reading back what was just written. A stored commit never changes.
 * It also knows the positions this process is storing right now, which such a reader waits for without a query.
 */
export class RecentCommits {
  /** Sized in events; read with `peek`, so the oldest stored are the first forgotten. */
  private readonly commits?: LRUCache<number, LogCommit>;
  private readonly storing = new Set<number>();

  constructor(maxEvents: number) {
    if (maxEvents > 0) this.commits = new LRUCache({ maxSize: maxEvents, sizeCalculation: (commit) => commit.events.length });
  }

  /** A commit larger than the whole memory is not kept (a reader reads it from the database). */
  add(commit: LogCommit): void {
    if (commit.events.length > 0) this.commits?.set(commit.position, commit);
  }

  get(position: number): LogCommit | undefined {
    return this.commits?.peek(position);
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
