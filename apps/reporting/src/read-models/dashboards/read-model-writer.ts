import type { AnyBulkWriteOperation } from 'mongodb';
import type { PlatformEvent } from '@khu-siao/contracts';
import {
  applyDelta,
  applyEvent,
  entitiesOf,
  grantLinkNeeded,
  grantLinkOf,
  type Contribution,
  type Counters,
  type EntityAccess,
  type EntityKind,
  type EntityRef,
  type EntityTypes,
  type GrantLink,
} from '@khu-siao/reporting-projections';
import { entityDocument, entityOf, type Generation, type Journal, type ReadModelDocument } from './generation';
import { rollupDocument } from './rollup-document';

/** The concurrent writer moved this generation on: this writer must stop (see `ReadModelWriter.apply`). */
export class LostWriterRace extends Error {
  override readonly name = 'LostWriterRace';
}

/** The entities one batch touches, loaded once and changed in memory. */
class BatchEntities implements EntityAccess {
  private readonly loaded = new Map<string, unknown>();
  readonly changed = new Map<string, EntityRef>();

  get<K extends EntityKind>(ref: EntityRef<K>): EntityTypes[K] | undefined {
    return this.loaded.get(key(ref)) as EntityTypes[K] | undefined;
  }

  set<K extends EntityKind>(ref: EntityRef<K>, value: EntityTypes[K]): void {
    this.loaded.set(key(ref), value);
    this.changed.set(key(ref), ref);
  }

  has(ref: EntityRef): boolean {
    return this.loaded.has(key(ref));
  }

  put(ref: EntityRef, value: unknown): void {
    this.loaded.set(key(ref), value);
  }
}

const key = (ref: EntityRef) => `${ref.kind}\u0000${ref.id}`;

/**
 * Applies pages of the archive to one generation of the read model, as its only writer. Without transactions a
 * batch touches many documents, so it is made atomic by a redo journal: the batch's resulting documents are first
 * written, whole, into the generation's state document together with the position they reach (one atomic write,
 * and only if the position is still the one this writer read); then they are written to their collections; then
 * the journal is cleared. A crash in between leaves the journal, which `recover` writes again — the documents are
 * absolute, so writing them twice changes nothing.
 */
export class ReadModelWriter {
  /** Roll-ups this writer has read or written: it is their only writer, so its copy stays right. */
  private readonly rollupCache = new Map<string, Counters | null>();

  constructor(private readonly generation: Generation) {}

  /** Finishes a batch a crash interrupted, and returns the position the generation has reached. */
  async recover(): Promise<number> {
    const state = await this.generation.state().findOne({ _id: this.generation.stateId });
    if (!state) throw new Error(`generation ${this.generation.number} has no state`);
    this.rollupCache.clear();
    if (!state.journal) return state.position;
    await this.write(state.journal);
    await this.generation
      .state()
      .updateOne({ _id: this.generation.stateId, position: state.position }, { $set: { position: state.journal.position }, $unset: { journal: '' } });
    return state.journal.position;
  }

  /** Projects the events of one page (positions `from` exclusive to `to` inclusive). */
  async apply(from: number, to: number, events: readonly PlatformEvent[]): Promise<void> {
    const entities = new BatchEntities();
    await this.load(entities, events);
    const delta: Contribution = new Map();
    for (const event of events) {
      for (const [documentId, change] of applyEvent(entities, event)) {
        const sum = delta.get(documentId) ?? {};
        for (const [figure, amount] of Object.entries(change)) sum[figure] = (sum[figure] ?? 0) + amount;
        delta.set(documentId, sum);
      }
    }
    const rollups = await this.nextRollups(delta);
    const journal: Journal = {
      position: to,
      entities: [...entities.changed.values()].map((ref) => ({ kind: ref.kind, id: ref.id, doc: entityDocument(ref.id, entities.get(ref) as object) })),
      rollups: [...rollups].map(([id, counters]) => ({ id, doc: counters ? rollupDocument(id, counters) : null })),
    };
    const committed = await this.generation
      .state()
      .updateOne({ _id: this.generation.stateId, position: from, journal: { $exists: false } }, { $set: { journal } });
    if (committed.matchedCount !== 1) {
      this.rollupCache.clear();
      throw new LostWriterRace(`generation ${this.generation.number} is no longer at position ${from}`);
    }
    for (const [id, counters] of rollups) this.rollupCache.set(id, counters);
    await this.write(journal);
    await this.generation.state().updateOne({ _id: this.generation.stateId }, { $set: { position: to }, $unset: { journal: '' } });
  }

  /** Loads what the page's events read: the grant links first, since they say which entity a grant event is for. */
  private async load(entities: BatchEntities, events: readonly PlatformEvent[]): Promise<void> {
    const links = events.map(grantLinkNeeded).filter((ref): ref is EntityRef<'grantLink'> => ref !== undefined);
    await this.fetch(entities, links);
    const linksInPage = new Map<string, GrantLink>();
    const refs: EntityRef[] = [];
    for (const event of events) {
      const link = event.type === 'AssistanceGranted' ? undefined : (linksInPage.get(event.aggregateId) ?? entities.get({ kind: 'grantLink', id: event.aggregateId }));
      const touched = entitiesOf(event, link);
      refs.push(...touched);
      if (event.type === 'AssistanceGranted') linksInPage.set(event.aggregateId, grantLinkOf(event));
    }
    await this.fetch(entities, refs);
  }

  private async fetch(entities: BatchEntities, refs: readonly EntityRef[]): Promise<void> {
    const wanted = new Map<EntityKind, Set<string>>();
    for (const ref of refs) {
      if (entities.has(ref)) continue;
      wanted.set(ref.kind, (wanted.get(ref.kind) ?? new Set()).add(ref.id));
    }
    for (const [kind, ids] of wanted) {
      const docs = await this.generation.entities(kind).find({ _id: { $in: [...ids] } }).toArray();
      for (const doc of docs) entities.put({ kind, id: String(doc['_id']) }, entityOf(doc));
    }
  }

  /** The roll-ups after the delta: null for one whose figures all fell to zero (it is deleted). */
  private async nextRollups(delta: Contribution): Promise<Map<string, Counters | null>> {
    const missing = [...delta.keys()].filter((id) => !this.rollupCache.has(id));
    if (missing.length > 0) {
      const docs = await this.generation.rollups().find({ _id: { $in: missing } }).toArray();
      const found = new Map(docs.map((doc) => [String(doc['_id']), doc['counters'] as Counters]));
      for (const id of missing) this.rollupCache.set(id, found.get(id) ?? null);
    }
    const next = new Map<string, Counters | null>();
    for (const [id, change] of delta) {
      const counters = applyDelta(this.rollupCache.get(id) ?? {}, change);
      next.set(id, Object.keys(counters).length === 0 ? null : counters);
    }
    return next;
  }

  private async write(journal: Journal): Promise<void> {
    const byKind = new Map<EntityKind, AnyBulkWriteOperation<ReadModelDocument>[]>();
    for (const { kind, id, doc } of journal.entities) {
      byKind.set(kind, [...(byKind.get(kind) ?? []), { replaceOne: { filter: { _id: id }, replacement: doc, upsert: true } }]);
    }
    for (const [kind, operations] of byKind) await this.generation.entities(kind).bulkWrite(operations, { ordered: false });
    const rollupOperations = journal.rollups.map(({ id, doc }): AnyBulkWriteOperation<ReadModelDocument> =>
      doc ? { replaceOne: { filter: { _id: id }, replacement: doc, upsert: true } } : { deleteOne: { filter: { _id: id } } },
    );
    if (rollupOperations.length > 0) await this.generation.rollups().bulkWrite(rollupOperations, { ordered: false });
  }
}
