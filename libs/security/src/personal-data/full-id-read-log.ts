import type { Collection, Db } from 'mongodb';
import type { FullIdRead, FullIdReadLog } from './full-id-read';

export const FULL_ID_READS_COLLECTION = 'full_id_reads';

type FullIdReadDocument = FullIdRead & { _id: string };

/** Full-ID reads kept in MongoDB, one document per read, for the auditor. It holds no national ID. */
export class MongoFullIdReadLog implements FullIdReadLog {
  private readonly collection: Collection<FullIdReadDocument>;

  constructor(db: Db) {
    this.collection = db.collection<FullIdReadDocument>(FULL_ID_READS_COLLECTION);
  }

  async record(read: FullIdRead): Promise<void> {
    await this.collection.insertOne({ _id: read.readId, ...read });
  }

  /** Every full read of one household's IDs, oldest first. */
  async readsOfHousehold(householdId: string): Promise<FullIdRead[]> {
    const documents = await this.collection.find({ householdId }).toArray();
    return documents.map(({ _id, ...read }) => read).sort((a, b) => a.readAt.localeCompare(b.readAt));
  }
}
