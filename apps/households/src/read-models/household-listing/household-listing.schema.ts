import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A buddy pairing in force: kept by id so that an unpairing or a reassignment removes the right one. */
export interface ListedPairing {
  readonly pairingId: string;
  readonly officialId: string;
}

/**
 * One document per household for search by area, status, classification and failed dimension, and for who may
 * act on it (its area and buddy officials). It holds no personal data: no names, IDs, birth dates or house numbers.
 * The household's part follows the households stream (`version`), the buddies the pairing stream
 * (`pairingVersion`); either may arrive first, and a redelivered event changes nothing.
 */
@Schema({ collection: 'household_listing', versionKey: false, minimize: false })
export class HouseholdListing {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop() version?: number;
  @Prop() provinceCode?: string;
  @Prop() districtCode?: string;
  @Prop() tambonCode?: string;
  @Prop() villageCode?: string;
  @Prop() status?: string;
  @Prop({ type: String, default: null }) processStep?: string | null;
  @Prop({ type: String, default: null }) classification?: string | null;
  @Prop({ type: [String], default: undefined }) failedDimensions?: string[];
  @Prop() memberCount?: number;
  @Prop() source?: string;
  @Prop({ type: Boolean }) erased?: boolean;
  @Prop() pairingVersion?: number;
  @Prop({ type: [{ pairingId: String, officialId: String, _id: false }], default: undefined }) pairings?: ListedPairing[];
  @Prop({ type: [String], default: undefined }) buddyOfficialIds?: string[];
  @Prop() updatedAt?: Date;
}

export const HouseholdListingSchema = SchemaFactory.createForClass(HouseholdListing);
HouseholdListingSchema.index({ districtCode: 1, status: 1 });
HouseholdListingSchema.index({ tambonCode: 1 });
