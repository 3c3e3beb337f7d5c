import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes } from 'mongoose';
import type { AreaCode } from '@khu-siao/contracts';

export type KnownHouseholdStatus = 'active' | 'graduated' | 'closed' | 'erased';

/**
 * What a service that acts on households knows of each, learnt from the households topic: where it lives (for
 * access), whether its case is open, and its life plan in force (for pledges). Nothing personal: the sealed members
 * and house number are never read. `version` is the household's aggregate version it reflects, so a redelivered or
 * replayed event changes nothing.
 */
@Schema({ collection: 'known_households', versionKey: false, minimize: false })
export class KnownHousehold {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) version!: number;
  @Prop({ type: String, required: true, enum: ['active', 'graduated', 'closed', 'erased'] }) status!: KnownHouseholdStatus;
  @Prop({ type: SchemaTypes.Mixed, default: null }) area!: AreaCode | null;
  @Prop({ type: SchemaTypes.Mixed, default: null }) lifePlan!: { planId: string; goalIds: string[] } | null;
}

export const KnownHouseholdSchema = SchemaFactory.createForClass(KnownHousehold);
KnownHouseholdSchema.index({ status: 1 });
KnownHouseholdSchema.index({ 'area.districtCode': 1, status: 1 });
