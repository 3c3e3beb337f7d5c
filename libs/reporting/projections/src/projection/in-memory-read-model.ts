import type { PlatformEvent } from '@khu-siao/contracts';
import { applyDelta, type Contribution, type Counters } from '../rollup/counters';
import { entityKinds, type EntityAccess, type EntityKind, type EntityRef, type EntityTypes } from './entities';
import { applyEvent } from './read-model-projection';

/**
 * The whole read model in memory: what a rebuild folds the log into before it is written out, and what an as-of
 * or provenance replay folds into and throws away.
 */
export class InMemoryReadModel implements EntityAccess {
  readonly entities = Object.fromEntries(entityKinds.map((kind) => [kind, new Map()])) as {
    readonly [K in EntityKind]: Map<string, EntityTypes[K]>;
  };
  readonly rollups = new Map<string, Counters>();

  get<K extends EntityKind>(ref: EntityRef<K>): EntityTypes[K] | undefined {
    return this.entities[ref.kind].get(ref.id);
  }

  set<K extends EntityKind>(ref: EntityRef<K>, value: EntityTypes[K]): void {
    this.entities[ref.kind].set(ref.id, value);
  }

  /** Applies the event and returns its own effect on the roll-ups. */
  apply(event: PlatformEvent): Contribution {
    const delta = applyEvent(this, event);
    applyRollupDelta(this.rollups, delta);
    return delta;
  }
}

/** Adds a delta to roll-up documents held in a map; a document whose figures all fall to zero is removed. */
export function applyRollupDelta(rollups: Map<string, Counters>, delta: Contribution): void {
  for (const [documentId, change] of delta) {
    const counters = applyDelta(rollups.get(documentId) ?? {}, change);
    if (Object.keys(counters).length === 0) rollups.delete(documentId);
    else rollups.set(documentId, counters);
  }
}
