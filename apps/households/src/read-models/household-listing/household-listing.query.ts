import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import { HouseholdListing } from './household-listing.schema';

/** What a search may filter on: the listing's own fields, each an exact match. */
export interface ListingFilter {
  readonly provinceCode?: string;
  readonly districtCode?: string;
  readonly tambonCode?: string;
  readonly villageCode?: string;
  readonly status?: string;
  readonly classification?: string;
  readonly processStep?: string;
  readonly failedDimension?: string;
}

/** Reads of the listing: a page of a search, and who is paired with a household. */
@Injectable()
export class HouseholdListingQuery {
  constructor(@InjectModel(HouseholdListing.name) private readonly listings: Model<HouseholdListing>) {}

  /** The officials paired with the household as its buddies (none before any pairing arrived). */
  async buddiesOf(householdId: string): Promise<string[]> {
    return (await this.listings.findById(householdId, { buddyOfficialIds: 1 }).lean())?.buddyOfficialIds ?? [];
  }

  /** Listed households only (a document holding only buddies is not yet one), ordered by id. */
  async search(query: ListingFilter, page: { readonly page: number; readonly pageSize: number }) {
    const filter: FilterQuery<HouseholdListing> = { status: { $exists: true } };
    for (const field of ['provinceCode', 'districtCode', 'tambonCode', 'villageCode', 'status', 'classification', 'processStep'] as const) {
      if (query[field] !== undefined) filter[field] = query[field];
    }
    if (query.failedDimension) filter.failedDimensions = query.failedDimension;
    const [total, items] = await Promise.all([
      this.listings.countDocuments(filter),
      this.listings
        .find(filter, { pairings: 0, pairingVersion: 0 })
        .sort({ _id: 1 })
        .skip((page.page - 1) * page.pageSize)
        .limit(page.pageSize)
        .lean(),
    ]);
    return {
      total,
      page: page.page,
      pageSize: page.pageSize,
      items: items.map(({ _id, updatedAt: _updatedAt, ...listing }) => ({ householdId: _id, ...listing })),
    };
  }
}
