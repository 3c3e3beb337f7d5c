import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes } from 'mongoose';
import type { Correction, SealedVisitDetails } from '@khu-siao/pairings-domain';

/** A visit as the index keeps it: as it stands after its corrections, its personal fields sealed as the events carry them. */
export type IndexedVisit = { readonly visitId: string; readonly householdId: string } & SealedVisitDetails & { readonly corrections: readonly Correction[] };

/**
 * One document per visit, fed from this service's log (guarded by the visit's stream version), so a household's
 * visits and an official's activity are read without scanning streams. `visit` keeps the personal fields sealed
 * (needs, help descriptions, referrals, location): erasing the household erases them here too.
 */
@Schema({ collection: 'household_visits', versionKey: false, minimize: false })
export class HouseholdVisit {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) householdId!: string;
  @Prop({ type: Number, required: true }) version!: number;
  @Prop({ type: String, required: true }) visitedOn!: string;
  @Prop({ type: SchemaTypes.Mixed, required: true }) visit!: IndexedVisit;
}

export const HouseholdVisitSchema = SchemaFactory.createForClass(HouseholdVisit);
HouseholdVisitSchema.index({ householdId: 1, visitedOn: 1 });
HouseholdVisitSchema.index({ 'visit.officialIds': 1 });
