/**
 * The latest version this process has seen end a commit of each stream, for the most recently seen streams. A stored
 * commit never changes, so a version found here certainly ends one: an append at it needs no predecessor lookup.
 * It says nothing about whether a later commit exists (another writer's): the unique `follows` key still decides.
 */
export class KnownStreamEnds {
  /** Insertion order is recency order: the first key is the one to forget. */
  private readonly ends = new Map<string, number>();

  constructor(private readonly capacity: number) {}

  has(streamId: string, version: number): boolean {
    return this.ends.get(streamId) === version;
  }

  remember(streamId: string, version: number): void {
    if (this.capacity === 0) return;
    const known = this.ends.get(streamId);
    this.ends.delete(streamId);
    // Appends may be acknowledged out of order: the highest known end is the one an append will most likely follow.
    this.ends.set(streamId, Math.max(version, known ?? 0));
    if (this.ends.size > this.capacity) this.ends.delete(this.ends.keys().next().value as string);
  }
}
