import { Controller, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { EventPattern, Payload } from '@nestjs/microservices';
import { MongoBulkWriteError, type Collection } from 'mongodb';
import type { AnyBulkWriteOperation, Model } from 'mongoose';
import { householdEvents, householdPairingEvents, type PlatformEvent } from '@khu-siao/contracts';
import { fold } from '@khu-siao/decider';
import { EventStore, isDuplicateKeyError } from '@khu-siao/event-store';
import { householdDecider, householdSummary, type HouseholdEvent } from '@khu-siao/households-domain';
import { LogProjection, type LoggedEvent } from '@khu-siao/service-runtime';
import { householdStream } from '../../household/household-stream';
import { HouseholdListing, type ListedPairing } from './household-listing.schema';

const householdTypes: ReadonlySet<string> = new Set(householdEvents.map((definition) => definition.type));
type LoggedHouseholdEvent = Extract<LoggedEvent, { type: HouseholdEvent['type'] }>;
const isHouseholdEvent = (event: LoggedEvent): event is LoggedHouseholdEvent => householdTypes.has(event.type);

/** The listing's own fields, written by the projection of the household's stream. */
const householdFields = [
  'version',
  'provinceCode',
  'districtCode',
  'tambonCode',
  'villageCode',
  'status',
  'processStep',
  'classification',
  'failedDimensions',
  'memberCount',
  'source',
  'erased',
] as const;

/** A guarded upsert: sets the fields when the document's part is older than `version`, creating it if there is none. */
function newer(householdId: string, versionField: 'version' | 'pairingVersion', version: number, fields: object): AnyBulkWriteOperation<HouseholdListing> {
  return {
    updateOne: {
      filter: { _id: householdId, $or: [{ [versionField]: { $exists: false } }, { [versionField]: { $lt: version } }] },
      update: { $set: { ...fields, [versionField]: version, updatedAt: new Date() } },
      upsert: true,
    },
  };
}

/** Writes guarded upserts; one that missed its filter on a newer part collided on `_id`: nothing to do. */
async function writeNewer(listings: Model<HouseholdListing>, writes: AnyBulkWriteOperation<HouseholdListing>[]): Promise<void> {
  if (writes.length === 0) return;
  try {
    await listings.bulkWrite(writes, { ordered: false });
  } catch (error) {
    const collided = error instanceof MongoBulkWriteError ? [error.writeErrors].flat().every(({ code }) => code === 11000) : isDuplicateKeyError(error);
    if (!collided) throw error;
  }
}

/**
 * The household's part of the listing, from the service's own log: the summary of the household's stream as
 * stored. It reads only what events carry in clear (area, counts, status, classification): no personal field is
 * opened or kept. Each document remembers the stream version it reflects, so a page that comes again changes nothing.
 */
@Injectable()
export class HouseholdListingProjection extends LogProjection {
  readonly name = 'household-listing';

  constructor(
    @InjectModel(HouseholdListing.name) private readonly listings: Model<HouseholdListing>,
    private readonly store: EventStore,
  ) {
    super();
  }

  async apply(events: readonly LoggedEvent[]): Promise<void> {
    const byHousehold = new Map<string, LoggedHouseholdEvent[]>();
    for (const event of events.filter(isHouseholdEvent)) byHousehold.set(event.aggregateId, [...(byHousehold.get(event.aggregateId) ?? []), event]);
    if (byHousehold.size === 0) return;
    const listed = await this.listings.find({ _id: { $in: [...byHousehold.keys()] } }, { version: 1 }).lean();
    const versions = new Map(listed.map((listing) => [listing._id, listing.version ?? 0]));
    const writes = await Promise.all(
      [...byHousehold].map(async ([householdId, page]) => {
        const last = page[page.length - 1].aggregateVersion;
        if ((versions.get(householdId) ?? 0) >= last) return [];
        // A page holding the stream from its start folds as it is (an import's registrations); any other reads it.
        const stream = page[0].aggregateVersion === 1 ? { version: last, events: page } : await this.store.readStream(householdStream(householdId));
        const fields = this.listingOf(stream.events);
        return fields ? [{ householdId, version: stream.version, fields, listed: versions.has(householdId) }] : [];
      }),
    );
    const [fresh, existing] = [writes.flat().filter((write) => !write.listed), writes.flat().filter((write) => write.listed)];
    // A household without a listing yet (an import's registrations) is inserted, a batch in one write; one whose
    // listing appeared in between (its buddies' part, another instance) collides on `_id` and gets the guarded upsert.
    const collided = await this.insertFresh(fresh.map(({ householdId, version, fields }) => ({ _id: householdId, ...fields, version, updatedAt: new Date() })));
    await writeNewer(this.listings, [
      ...existing.map(({ householdId, version, fields }) => newer(householdId, 'version', version, fields)),
      ...fresh.filter((_, index) => collided.has(index)).map(({ householdId, version, fields }) => newer(householdId, 'version', version, fields)),
    ]);
  }

  /** Inserts the listings in one unordered write; answers the offsets that collided with a listing already there. */
  private async insertFresh(listings: readonly HouseholdListing[]): Promise<Set<number>> {
    if (listings.length === 0) return new Set();
    try {
      await (this.listings.collection as unknown as Collection<HouseholdListing>).insertMany([...listings], { ordered: false });
      return new Set();
    } catch (error) {
      if (!(error instanceof MongoBulkWriteError)) throw error;
      const refused = [error.writeErrors].flat();
      if (!refused.every(({ code }) => code === 11000)) throw error;
      return new Set(refused.map(({ index }) => index));
    }
  }

  async clear(): Promise<void> {
    await this.listings.updateMany({}, { $unset: Object.fromEntries(householdFields.map((field) => [field, 1])) });
  }

  /** The listing's household fields from the stream's events, or nothing for a stream that holds no household. */
  private listingOf(events: readonly HouseholdEvent[]) {
    const summary = householdSummary(fold(householdDecider, events));
    if (!summary) return undefined;
    const { provinceCode, districtCode, tambonCode, villageCode } = summary.address.area;
    return {
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
    };
  }
}

const pairingEventTypes = householdPairingEvents.map((definition) => definition.type);
type PairingEvent = Extract<PlatformEvent, { type: (typeof pairingEventTypes)[number] }>;

/**
 * The buddies in force, from the pairings topic (one partition per pairing stream keeps its events in order): a
 * reassignment's pairing replaces the one it names; an unpairing removes its own.
 */
@Controller()
export class HouseholdBuddiesProjection {
  constructor(@InjectModel(HouseholdListing.name) private readonly listings: Model<HouseholdListing>) {}

  @EventPattern(pairingEventTypes)
  async applyPairing(@Payload() event: PairingEvent): Promise<void> {
    const { householdId, pairingId } = event.data;
    const current = await this.listings.findById(householdId, { pairingVersion: 1, pairings: 1 }).lean();
    if ((current?.pairingVersion ?? 0) >= event.aggregateVersion) return;
    let pairings: ListedPairing[] = (current?.pairings ?? []).filter((pairing) => pairing.pairingId !== pairingId);
    if (event.type === 'HouseholdPaired') {
      pairings = pairings.filter((pairing) => pairing.pairingId !== event.data.replacesPairingId);
      pairings.push({ pairingId, officialId: event.data.officialId });
    }
    const buddyOfficialIds = [...new Set(pairings.map((pairing) => pairing.officialId))];
    await writeNewer(this.listings, [newer(householdId, 'pairingVersion', event.aggregateVersion, { pairings, buddyOfficialIds })]);
  }
}
