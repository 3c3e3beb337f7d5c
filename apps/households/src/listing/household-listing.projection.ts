import { Controller } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { Model } from 'mongoose';
import { householdEvents, type EventEnvelope } from '@khu-siao/contracts';
import { fold } from '@khu-siao/decider';
import { EventStore } from '@khu-siao/event-store';
import { householdDecider, householdSummary, type HouseholdEvent, type HouseholdState } from '@khu-siao/households-domain';
import { householdStream } from '../command-handling/household-stream';
import { HouseholdListing } from './household-listing.schema';

const householdEventTypes = householdEvents.map((definition) => definition.type);

/** Thrown when another writer moved the document first: the consumer retries the event. */
class ListingMovedOn extends Error {
  override readonly name = 'ListingMovedOn';
}

/** Keeps the listing in step with the households topic; one partition per household keeps its events in order. */
@Controller()
export class HouseholdListingProjection {
  constructor(
    @InjectModel(HouseholdListing.name) private readonly listings: Model<HouseholdListing>,
    private readonly store: EventStore,
  ) {}

  @EventPattern(householdEventTypes)
  async apply(@Payload() event: EventEnvelope): Promise<void> {
    const current = await this.listings.findById(event.aggregateId).lean();
    const known = current?.version ?? 0;
    if (known >= event.aggregateVersion) return;
    const next =
      known === event.aggregateVersion - 1
        ? { version: event.aggregateVersion, state: householdDecider.evolve(stateOf(current), event as unknown as HouseholdEvent) }
        : await this.fromStream(event.aggregateId);
    await this.save(event.aggregateId, known, next.version, next.state);
  }

  /** An event missing before this one (parked on dead letters, say): the stream itself is the truth. */
  private async fromStream(householdId: string) {
    const { version, events } = await this.store.readStream(householdStream(householdId));
    return { version, state: fold(householdDecider, events as unknown as HouseholdEvent[]) };
  }

  private async save(householdId: string, known: number, version: number, state: HouseholdState): Promise<void> {
    const summary = householdSummary(state);
    if (!summary || state.status === 'unregistered') return;
    const document = {
      version,
      ...summary.address.area,
      status: summary.status,
      processStep: summary.processStep,
      classification: summary.classification?.current ?? null,
      failedDimensions: summary.latestAssessment?.failedDimensions ?? [],
      memberCount: summary.memberCount,
      source: summary.source,
      state: state as unknown as Record<string, unknown>,
      updatedAt: new Date(),
    };
    if (known === 0) {
      await this.listings.create({ _id: householdId, ...document });
      return;
    }
    const replaced = await this.listings.replaceOne({ _id: householdId, version: known }, document);
    if (replaced.matchedCount === 0) throw new ListingMovedOn(`listing of ${householdId} moved past version ${known}`);
  }
}

function stateOf(listing: { state?: unknown } | null): HouseholdState {
  return listing ? (listing.state as HouseholdState) : householdDecider.initialState();
}
