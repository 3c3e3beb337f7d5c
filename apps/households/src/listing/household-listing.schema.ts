import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes } from 'mongoose';

/**
 * One document per household for search by area, status, classification and failed dimension. It keeps the
 * folded domain state so each event is applied with the domain's own `evolve`, and the version it reflects so a
 * redelivered event changes nothing.
 */
@Schema({ collection: 'household_listing', versionKey: false, minimize: false })
export class HouseholdListing {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) version!: number;
  @Prop({ required: true }) provinceCode!: string;
  @Prop({ required: true }) districtCode!: string;
  @Prop({ required: true }) tambonCode!: string;
  @Prop({ required: true }) villageCode!: string;
  @Prop({ required: true }) status!: string;
  @Prop({ type: String, default: null }) processStep!: string | null;
  @Prop({ type: String, default: null }) classification!: string | null;
  @Prop({ type: [String], default: [] }) failedDimensions!: string[];
  @Prop({ required: true }) memberCount!: number;
  @Prop({ required: true }) source!: string;
  @Prop({ type: SchemaTypes.Mixed, required: true }) state!: Record<string, unknown>;
  @Prop({ required: true }) updatedAt!: Date;
}

export const HouseholdListingSchema = SchemaFactory.createForClass(HouseholdListing);
HouseholdListingSchema.index({ districtCode: 1, status: 1 });
HouseholdListingSchema.index({ tambonCode: 1 });
