import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes } from 'mongoose';

/**
 * One document per visit, written after each append to the visit's stream (guarded by the stream version), so a
 * household's visits and the overdue list are read without scanning streams. The stream stays the truth. `visit`
 * keeps the personal fields sealed as the events carry them (needs, help descriptions, referrals, location).
 */
@Schema({ collection: 'household_visits', versionKey: false, minimize: false })
export class HouseholdVisit {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) householdId!: string;
  @Prop({ required: true }) version!: number;
  @Prop({ required: true }) visitedOn!: string;
  @Prop({ type: SchemaTypes.Mixed, required: true }) visit!: Record<string, unknown>;
}

export const HouseholdVisitSchema = SchemaFactory.createForClass(HouseholdVisit);
HouseholdVisitSchema.index({ householdId: 1, visitedOn: 1 });
HouseholdVisitSchema.index({ 'visit.officialIds': 1 });
