import type { Collection, Db, Document } from 'mongodb';
import { entityKinds, type EntityKind } from '@khu-siao/reporting-projections';

/** The state of one generation of the read model: how far in the archive it has been projected. */
export interface GenerationState {
  _id: string;
  generation: number;
  position: number;
  /** Set while a batch's writes are being applied; replayed after a crash (see ReadModelWriter). */
  journal?: Journal;
  /** False while a rebuild is still filling it. */
  complete: boolean;
  createdAt: Date;
}

export interface Journal {
  readonly position: number;
  readonly entities: readonly { readonly kind: EntityKind; readonly id: string; readonly doc: ReadModelDocument }[];
  readonly rollups: readonly { readonly id: string; readonly doc: ReadModelDocument | null }[];
}

export interface ActivePointer {
  _id: 'active';
  generation: number;
  switchedAt: Date;
}

/** Every read-model document is keyed by a string: an entity's id, or a roll-up's (`area:4001`). */
export interface ReadModelDocument extends Document {
  _id: string;
}

export const STATE_COLLECTION = 'projection_state';

const collectionNames: Readonly<Record<EntityKind | 'rollup', string>> = {
  case: 'cases',
  centre: 'centres',
  official: 'officials',
  programme: 'programmes',
  grantLink: 'grant_links',
  rollup: 'rollups',
};

/**
 * One complete copy of the read model, in collections of its own (`g3_cases`, `g3_rollups`, ...). A rebuild fills
 * a new generation while the active one keeps serving, then the active pointer moves to it.
 */
export class Generation {
  constructor(
    private readonly db: Db,
    readonly number: number,
  ) {}

  get stateId(): string {
    return `g${this.number}`;
  }

  entities(kind: EntityKind): Collection<ReadModelDocument> {
    return this.db.collection(`${this.stateId}_${collectionNames[kind]}`);
  }

  rollups(): Collection<ReadModelDocument> {
    return this.db.collection(`${this.stateId}_${collectionNames.rollup}`);
  }

  state(): Collection<GenerationState> {
    return this.db.collection<GenerationState>(STATE_COLLECTION);
  }

  allCollections(): { readonly name: string; readonly collection: Collection<ReadModelDocument> }[] {
    return [
      ...entityKinds.map((kind) => ({ name: collectionNames[kind], collection: this.entities(kind) })),
      { name: collectionNames.rollup, collection: this.rollups() },
    ];
  }

  /** Indexes for the dashboards' queries; unique ids are the only thing correctness rests on. */
  async ensureIndexes(): Promise<void> {
    await this.rollups().createIndexes([{ key: { kind: 1, area: 1 } }, { key: { kind: 1, month: 1 } }]);
    await this.entities('case').createIndexes([{ key: { 'area.districtCode': 1 } }, { key: { 'area.villageCode': 1 } }]);
  }

  async drop(): Promise<void> {
    for (const { collection } of this.allCollections()) await collection.drop().catch(() => undefined);
    await this.state().deleteOne({ _id: this.stateId });
  }
}

/** An entity as stored: plain JSON (no undefined fields), with its id as `_id`. */
export function entityDocument(id: string, entity: object): ReadModelDocument {
  return { _id: id, ...(JSON.parse(JSON.stringify(entity)) as Document) };
}

export function entityOf<T>(doc: Document): T {
  const { _id, ...entity } = doc;
  return entity as T;
}
