import { Inject, Injectable } from '@nestjs/common';
import { MongoBulkWriteError, type Collection, type Db } from 'mongodb';
import { IllegalStateError } from '@khu-siao/decider';
import { EventStore, isDuplicateKeyError, streamIdOf } from '@khu-siao/event-store';
import { householdStream } from '../command-handling/household-stream';
import type { SecurityServices } from '@khu-siao/security';
import { DATABASE, SECURITY } from '@khu-siao/service-runtime';

interface NationalIdClaim {
  /** The ID's keyed lookup hash: the register never holds a national ID itself. */
  _id: string;
  householdId: string;
  claimedAt: Date;
}

/** A national ID registered in another household: 409, naming that household (never the ID itself). */
export class NationalIdTaken extends IllegalStateError {
  constructor(
    readonly otherHouseholdId: string,
    /** Which of the claimed IDs it was, for a row-level report; never put into a message. */
    readonly position: number,
  ) {
    super(`a member's national ID is already registered in household ${otherHouseholdId}`);
  }
}

/** A claim younger than this may belong to a registration still being written; an older orphan may be taken over. */
const inFlightMs = 60_000;

/**
 * Which household each national ID belongs to, so that one person is registered once in the province. A unique
 * `_id` makes the claim atomic without transactions; a claim is taken before the household's events are
 * appended and released if the append fails, and a claim whose household never came to exist (its writer died
 * in between) is taken over once it is old enough.
 */
@Injectable()
export class NationalIdRegister {
  private readonly claims: Collection<NationalIdClaim>;

  constructor(
    @Inject(DATABASE) db: Db,
    private readonly store: EventStore,
    @Inject(SECURITY) private readonly security: SecurityServices,
  ) {
    this.claims = db.collection<NationalIdClaim>('national_id_claims');
  }

  /** Claims every ID for the household, or claims none and throws NationalIdTaken. */
  async claim(householdId: string, nationalIds: readonly string[]): Promise<void> {
    await this.claimHashes(householdId, this.hashesOf(nationalIds));
  }

  async release(householdId: string, nationalIds: readonly string[]): Promise<void> {
    await this.releaseHashes(householdId, this.hashesOf(nationalIds));
  }

  /** Frees every ID the household holds (its data is erased: the people may be registered again elsewhere). */
  async releaseAll(householdId: string): Promise<void> {
    await this.claims.deleteMany({ householdId });
  }

  private hashesOf(nationalIds: readonly string[]): string[] {
    return nationalIds.map((nationalId) => this.security.nationalIds.lookupHash(nationalId));
  }

  private async claimHashes(householdId: string, nationalIds: readonly string[]): Promise<void> {
    const taken: string[] = [];
    try {
      // One write for all members; only an ID already claimed is looked at on its own.
      for (const position of await this.claimAll(householdId, nationalIds, taken)) {
        if (await this.settleDuplicate(householdId, nationalIds[position], position)) taken.push(nationalIds[position]);
      }
    } catch (error) {
      await this.releaseHashes(householdId, taken);
      throw error;
    }
  }

  private async releaseHashes(householdId: string, nationalIds: readonly string[]): Promise<void> {
    if (nationalIds.length === 0) return;
    await this.claims.deleteMany({ _id: { $in: [...nationalIds] }, householdId });
  }

  /**
   * Inserts every claim in one unordered write and adds those made to `taken`; returns the positions refused because
   * the ID was claimed already.
   */
  private async claimAll(householdId: string, nationalIds: readonly string[], taken: string[]): Promise<number[]> {
    if (nationalIds.length === 0) return [];
    const claimedAt = new Date();
    try {
      await this.claims.insertMany(
        nationalIds.map((nationalId) => ({ _id: nationalId, householdId, claimedAt })),
        { ordered: false },
      );
      taken.push(...nationalIds);
      return [];
    } catch (error) {
      if (!(error instanceof MongoBulkWriteError)) throw error;
      const refused = [error.writeErrors].flat();
      const failed = new Set(refused.map((writeError) => writeError.index));
      taken.push(...nationalIds.filter((_, position) => !failed.has(position)));
      if (refused.some((writeError) => writeError.code !== 11000)) throw error;
      return [...failed].sort((a, b) => a - b);
    }
  }

  /** True when this call made the claim (so a failure must release it); false when the household already had it. */
  private async claimOne(householdId: string, nationalId: string, position: number): Promise<boolean> {
    try {
      await this.claims.insertOne({ _id: nationalId, householdId, claimedAt: new Date() });
      return true;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    return this.settleDuplicate(householdId, nationalId, position);
  }

  /** An ID claimed already: by this household (nothing to do), by another (409), or by a registration that died. */
  private async settleDuplicate(householdId: string, nationalId: string, position: number): Promise<boolean> {
    const existing = await this.claims.findOne({ _id: nationalId });
    if (!existing) return this.claimOne(householdId, nationalId, position);
    if (existing.householdId === householdId) return false;
    const orphan =
      Date.now() - existing.claimedAt.getTime() > inFlightMs &&
      (await this.store.streamVersion(streamIdOf(householdStream(existing.householdId)))) === 0;
    if (!orphan) throw new NationalIdTaken(existing.householdId, position);
    const takenOver = await this.claims.updateOne(
      { _id: nationalId, householdId: existing.householdId },
      { $set: { householdId, claimedAt: new Date() } },
    );
    if (takenOver.modifiedCount === 1) return true;
    return this.claimOne(householdId, nationalId, position);
  }
}
