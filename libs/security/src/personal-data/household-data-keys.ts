import { randomBytes } from 'node:crypto';
import { MongoBulkWriteError, MongoServerError, type Collection, type Db } from 'mongodb';
import { KEY_BYTES } from './aes-gcm';
import type { KeyProvider, WrappedDataKey } from './key-provider';

export const DATA_KEYS_COLLECTION = 'data_keys';

/** One document per household: its wrapped data key, or, once erased, a tombstone without key material. */
type DataKeyDocument =
  | { _id: string; masterKeyId: string; wrapped: string; createdAt: Date }
  | { _id: string; erasedAt: Date };

/** Refused: personal data of an erased household is never written again under a new key. */
export class HouseholdErasedError extends Error {
  override readonly name = 'HouseholdErasedError';
  constructor(readonly householdId: string) {
    super(`household ${householdId} has been erased`);
  }
}

export interface HouseholdDataKeysOptions {
  /** The clock of key creation times and of the cache's expiry. */
  readonly now?: () => Date;
  /** How long a key stays cached: the longest another process may still decrypt after an erasure it did not see. */
  readonly cacheTtlMs?: number;
  readonly cacheMaxEntries?: number;
}

/**
 * The per-household data keys that make erasure possible without rewriting the event log (crypto-shredding).
 * A key is created once: the unique `_id` lets exactly one of several concurrent creators insert it, and the others
 * read the winner's. Erasing replaces the key with a tombstone.
 */
export class HouseholdDataKeys {
  private readonly collection: Collection<DataKeyDocument>;
  private readonly cache = new Map<string, { key: Promise<Buffer>; expiresAt: number }>();
  private readonly now: () => Date;
  private readonly cacheTtlMs: number;
  private readonly cacheMaxEntries: number;

  constructor(db: Db, private readonly provider: KeyProvider, options: HouseholdDataKeysOptions = {}) {
    this.collection = db.collection<DataKeyDocument>(DATA_KEYS_COLLECTION);
    this.now = options.now ?? (() => new Date());
    this.cacheTtlMs = options.cacheTtlMs ?? 60_000;
    this.cacheMaxEntries = options.cacheMaxEntries ?? 10_000;
  }

  /** The household's key, created on first use. Throws `HouseholdErasedError` once the household is erased. */
  keyForWriting(householdId: string): Promise<Buffer> {
    return this.cached(householdId, () => this.loadOrCreate(householdId));
  }

  /**
   * Loads or creates the keys of many households at once (a bulk import): one read and one unordered insert for all,
   * instead of two round trips each; the keys land in the cache for the `keyForWriting` calls that follow. A key an
   * insert loses to a concurrent creator, or one of an erased household, is left to `keyForWriting` to settle.
   */
  async prepareForWriting(householdIds: readonly string[]): Promise<void> {
    const wanted = [...new Set(householdIds)].filter((householdId) => !this.cacheHit(householdId));
    if (wanted.length === 0) return;
    const existing = new Set<string>();
    for (const document of await this.collection.find({ _id: { $in: wanted } }).toArray()) {
      existing.add(document._id);
      if (!('erasedAt' in document)) void this.cached(document._id, () => this.unwrap(document)).catch(() => undefined);
    }
    const created = await Promise.all(
      wanted
        .filter((householdId) => !existing.has(householdId))
        .map(async (householdId) => {
          const dataKey = randomBytes(KEY_BYTES);
          return { householdId, dataKey, document: { _id: householdId, ...(await this.provider.wrapDataKey(dataKey, householdId)), createdAt: this.now() } };
        }),
    );
    if (created.length === 0) return;
    let failed = new Set<number>();
    try {
      await this.collection.insertMany(created.map((item) => item.document), { ordered: false });
    } catch (error) {
      if (!(error instanceof MongoBulkWriteError)) throw error;
      const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
      if (writeErrors.some((writeError) => writeError.code !== 11000)) throw error;
      failed = new Set(writeErrors.map((writeError) => writeError.index));
    }
    created.forEach((item, index) => {
      if (!failed.has(index)) void this.cached(item.householdId, () => Promise.resolve(item.dataKey));
    });
  }

  /** The household's key, or undefined when it was erased (or never had personal data). */
  async keyForReading(householdId: string): Promise<Buffer | undefined> {
    const hit = this.cacheHit(householdId);
    if (hit) return hit;
    const document = await this.collection.findOne({ _id: householdId });
    if (!document || 'erasedAt' in document) return undefined;
    return this.cached(householdId, () => this.unwrap(document));
  }

  /** Destroys the key: every field encrypted under it reads as erased from now on. Idempotent. */
  async erase(householdId: string): Promise<void> {
    this.cache.delete(householdId);
    await this.collection.replaceOne({ _id: householdId }, { erasedAt: this.now() }, { upsert: true });
    this.cache.delete(householdId);
  }

  async isErased(householdId: string): Promise<boolean> {
    const document = await this.collection.findOne({ _id: householdId });
    return document !== null && 'erasedAt' in document;
  }

  /** Forgets a cached key, e.g. when another process announces an erasure. */
  evict(householdId: string): void {
    this.cache.delete(householdId);
  }

  private async loadOrCreate(householdId: string): Promise<Buffer> {
    const existing = await this.collection.findOne({ _id: householdId });
    if (existing) return this.unwrap(existing);
    const dataKey = randomBytes(KEY_BYTES);
    const wrapped = await this.provider.wrapDataKey(dataKey, householdId);
    try {
      await this.collection.insertOne({ _id: householdId, ...wrapped, createdAt: this.now() });
      return dataKey;
    } catch (error) {
      if (!(error instanceof MongoServerError && error.code === 11000)) throw error;
      const winner = await this.collection.findOne({ _id: householdId });
      if (!winner) throw new HouseholdErasedError(householdId);
      return this.unwrap(winner);
    }
  }

  private unwrap(document: DataKeyDocument): Promise<Buffer> {
    if ('erasedAt' in document) throw new HouseholdErasedError(document._id);
    const wrapped: WrappedDataKey = { masterKeyId: document.masterKeyId, wrapped: document.wrapped };
    return this.provider.unwrapDataKey(wrapped, document._id);
  }

  private cacheHit(householdId: string): Promise<Buffer> | undefined {
    const entry = this.cache.get(householdId);
    if (!entry) return undefined;
    if (entry.expiresAt > this.now().getTime()) return entry.key;
    this.cache.delete(householdId);
    return undefined;
  }

  private cached(householdId: string, load: () => Promise<Buffer>): Promise<Buffer> {
    const hit = this.cacheHit(householdId);
    if (hit) return hit;
    const key = load();
    // A failed load is not kept: the next call tries again.
    key.catch(() => this.cache.get(householdId)?.key === key && this.cache.delete(householdId));
    if (this.cache.size >= this.cacheMaxEntries) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(householdId, { key, expiresAt: this.now().getTime() + this.cacheTtlMs });
    return key;
  }
}
