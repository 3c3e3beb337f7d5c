import { Inject, Injectable } from '@nestjs/common';
import { MongoBulkWriteError, type Collection, type Db } from 'mongodb';
import { IllegalStateError } from '@khu-siao/decider';
import { EventStore, isDuplicateKeyError, streamIdOf } from '@khu-siao/event-store';
import { householdStream } from '../household/household-stream';
import type { SecurityServices } from '@khu-siao/security';
import { DATABASE, SECURITY } from '@khu-siao/service-runtime';

interface NationalIdClaim {
  /** The ID's keyed lookup hash: the register never holds a national ID itself. */
  _id: string;
  householdId: string;
  claimedAt: Date;
}

/** A household's national IDs, to be claimed all or none. */
export interface ClaimRequest {
  readonly householdId: string;
  readonly nationalIds: readonly string[];
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
    const [refused] = await this.claimEach([{ householdId, nationalIds }]);
    if (refused) throw refused;
  }

  /**
   * Claims the IDs of many households in one write (an import), each household all or none: answers, household by
   * household, the NationalIdTaken that refused it (having claimed none of its IDs), or null.
   */
  async claimEach(requests: readonly ClaimRequest[]): Promise<(NationalIdTaken | null)[]> {
    const households = requests.map(({ householdId, nationalIds }) => ({ householdId, hashes: this.hashesOf(nationalIds) }));
    const claimedAt = new Date();
    const claims = households.flatMap(({ householdId, hashes }) => hashes.map((hash) => ({ _id: hash, householdId, claimedAt })));
    const refused = await this.insertAll(claims);
    let offset = 0;
    const starts = households.map(({ hashes }) => (offset += hashes.length) - hashes.length);
    return Promise.all(
      households.map(async ({ householdId, hashes }, index) => {
        const taken = hashes.filter((_, position) => !refused.has(starts[index] + position));
        try {
          // Only an ID claimed already is looked at on its own.
          for (const [position, hash] of hashes.entries()) {
            if (refused.has(starts[index] + position) && (await this.settleDuplicate(householdId, hash, position))) taken.push(hash);
          }
          return null;
        } catch (error) {
          await this.releaseHashes(householdId, taken);
          if (error instanceof NationalIdTaken) return error;
          throw error;
        }
      }),
    );
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

  private async releaseHashes(householdId: string, nationalIds: readonly string[]): Promise<void> {
    if (nationalIds.length === 0) return;
    await this.claims.deleteMany({ _id: { $in: [...nationalIds] }, householdId });
  }

  /**
   * Inserts every claim in one unordered write; answers the offsets refused because the ID was claimed already. On
   * any other failure the claims it made are taken back before the error is thrown.
   */
  private async insertAll(claims: readonly NationalIdClaim[]): Promise<Set<number>> {
    if (claims.length === 0) return new Set();
    try {
      await this.claims.insertMany([...claims], { ordered: false });
      return new Set();
    } catch (error) {
      if (!(error instanceof MongoBulkWriteError)) throw error;
      const refused = [error.writeErrors].flat();
      const failed = new Set(refused.map((writeError) => writeError.index));
      if (refused.every((writeError) => writeError.code === 11000)) return failed;
      await this.claims.deleteMany({ _id: { $in: claims.filter((_, offset) => !failed.has(offset)).map((claim) => claim._id) } });
      throw error;
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
