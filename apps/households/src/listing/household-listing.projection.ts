import { Controller } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { Model } from 'mongoose';
import { householdEvents, householdPairingEvents, type DataOf, type EventEnvelope, type HouseholdPaired, type HouseholdUnpaired } from '@khu-siao/contracts';
import { fold } from '@khu-siao/decider';
import { EventStore, isDuplicateKeyError } from '@khu-siao/event-store';
import { householdDecider, householdSummary, type HouseholdEvent } from '@khu-siao/households-domain';
import { householdStream } from '../command-handling/household-stream';
import { HouseholdListing, type ListedPairing } from './household-listing.schema';

const householdEventTypes = householdEvents.map((definition) => definition.type);
const pairingEventTypes = householdPairingEvents.map((definition) => definition.type);

/**
 * Keeps the listing in step with the households and pairings topics; one partition per stream keeps each stream's
 * events in order, and each part of the document remembers the version it reflects.
 */
@Controller()
export class HouseholdListingProjection {
  constructor(
    @InjectModel(HouseholdListing.name) private readonly listings: Model<HouseholdListing>,
    private readonly store: EventStore,
  ) {}

  /**
   * Folds the household's stream as stored: the summary reads only what events carry in clear (area, counts,
   * status, classification), so no personal field is opened or kept.
   */
  @EventPattern(householdEventTypes)
  async applyHousehold(@Payload() event: EventEnvelope): Promise<void> {
    const householdId = event.aggregateId;
    const current = await this.listings.findById(householdId, { version: 1 }).lean();
    if ((current?.version ?? 0) >= event.aggregateVersion) return;
    const { version, events } = await this.store.readStream(householdStream(householdId));
    const summary = householdSummary(fold(householdDecider, events as unknown as HouseholdEvent[]));
    if (!summary) return;
    const { provinceCode, districtCode, tambonCode, villageCode } = summary.address.area;
    await this.upsertNewer(householdId, 'version', version, {
      provinceCode,
      districtCode,
      tambonCode,
      villageCode,
      status: summary.status,
      processStep: summary.processStep,
      classification: summary.classification?.current ?? null,
      failedDimensions: [...(summary.latestAssessment?.failedDimensions ?? [])],
      memberCount: summary.memberCount,
      source: summary.source,
      erased: summary.erasedOn !== null,
    });
  }

  /** The buddies in force: a reassignment's pairing replaces the one it names; an unpairing removes its own. */
  @EventPattern(pairingEventTypes)
  async applyPairing(@Payload() event: EventEnvelope): Promise<void> {
    const data = event.data as DataOf<typeof HouseholdPaired> | DataOf<typeof HouseholdUnpaired>;
    const current = await this.listings.findById(data.householdId, { pairingVersion: 1, pairings: 1 }).lean();
    if ((current?.pairingVersion ?? 0) >= event.aggregateVersion) return;
    let pairings: ListedPairing[] = (current?.pairings ?? []).filter((pairing) => pairing.pairingId !== data.pairingId);
    if (event.type === 'HouseholdPaired' && 'pairedOn' in data) {
      pairings = pairings.filter((pairing) => pairing.pairingId !== data.replacesPairingId);
      pairings.push({ pairingId: data.pairingId, officialId: data.officialId });
    }
    const buddyOfficialIds = [...new Set(pairings.map((pairing) => pairing.officialId))];
    await this.upsertNewer(data.householdId, 'pairingVersion', event.aggregateVersion, { pairings, buddyOfficialIds });
  }

  /**
   * Sets the fields when the document's part is older than `version`, creating the document if there is none yet.
   * A newer part makes the filter miss and the upsert collide on `_id`: nothing to do.
   */
  private async upsertNewer(householdId: string, versionField: 'version' | 'pairingVersion', version: number, fields: object): Promise<void> {
    try {
      await this.listings.updateOne(
        { _id: householdId, $or: [{ [versionField]: { $exists: false } }, { [versionField]: { $lt: version } }] },
        { $set: { ...fields, [versionField]: version, updatedAt: new Date() } },
        { upsert: true },
      );
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
}
