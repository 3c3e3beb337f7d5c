import type { Collection, Db } from 'mongodb';
import { isDuplicateKeyError } from '@khu-siao/event-store';

interface LeaseDocument {
  _id: string;
  owner: string;
  expiresAt: Date;
}

/**
 * Lets one of several replicas do a singleton job (the relay): a document whose owner must renew it before it
 * expires. Another replica takes over only after expiry; an overlap can only cause duplicates, which consumers drop.
 */
export class Lease {
  private readonly leases: Collection<LeaseDocument>;

  constructor(
    db: Db,
    private readonly name: string,
    private readonly owner: string,
    private readonly ttlMs: number,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.leases = db.collection<LeaseDocument>('leases');
  }

  /** Takes or renews the lease; false while another owner holds it. */
  async hold(): Promise<boolean> {
    const now = this.now();
    const expiresAt = new Date(now.getTime() + this.ttlMs);
    const renewed = await this.leases.updateOne(
      { _id: this.name, $or: [{ owner: this.owner }, { expiresAt: { $lt: now } }] },
      { $set: { owner: this.owner, expiresAt } },
    );
    if (renewed.matchedCount === 1) return true;
    try {
      await this.leases.insertOne({ _id: this.name, owner: this.owner, expiresAt });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async release(): Promise<void> {
    await this.leases.deleteOne({ _id: this.name, owner: this.owner });
  }
}
