import { LRUCache } from 'lru-cache';

/**
 * The latest version this process has seen end a commit of each stream, for the most recently seen streams. A stored
 * commit never changes, so a version found here certainly ends one: an append at it needs no predecessor lookup.
 * It says nothing about whether a later commit exists (another writer's): the unique `follows` key still decides.
 */
export class KnownStreamEnds {
  private readonly ends?: LRUCache<string, number>;

  constructor(capacity: number) {
    if (capacity > 0) this.ends = new LRUCache({ max: capacity });
  }

  has(streamId: string, version: number): boolean {
    return this.ends?.get(streamId) === version;
  }

  remember(streamId: string, version: number): void {
    if (!this.ends) return;
    // Appends may be acknowledged out of order: the highest known end is the one an append will most likely follow.
    this.ends.set(streamId, Math.max(version, this.ends.peek(streamId) ?? 0));
  }
}
