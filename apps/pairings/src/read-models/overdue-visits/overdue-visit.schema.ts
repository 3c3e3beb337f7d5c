import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Model, UpdateQuery } from 'mongoose';
import { SchemaTypes } from 'mongoose';
import type { AreaCode } from '@khu-siao/contracts';
import { isDuplicateKeyError } from '@khu-siao/event-store';
import type { KnownHouseholdStatus } from '@khu-siao/service-runtime';

/** A visit as the overdue list counts it: the day it took place (after its corrections), at the visit's version. */
export interface CountedVisit {
  readonly visitedOn: string;
  readonly version: number;
}

/**
 * One document per household, in two parts with one writer each: the household part (status and area, at
 * `householdVersion`) from the households topic, the visits part (each visit's date, at its own version, and the
 * latest of them) from this service's log. The overdue list is then one filtered, sorted query.
 */
@Schema({ collection: 'overdue_visits', versionKey: false, minimize: false })
export class OverdueVisit {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: Number }) householdVersion?: number;
  @Prop({ type: String }) status?: KnownHouseholdStatus;
  @Prop({ type: SchemaTypes.Mixed }) area?: AreaCode | null;
  @Prop({ type: SchemaTypes.Mixed }) visits?: Record<string, CountedVisit>;
  @Prop({ type: String }) lastVisitedOn?: string;
}

export const OverdueVisitSchema = SchemaFactory.createForClass(OverdueVisit);
OverdueVisitSchema.index({ status: 1, 'area.districtCode': 1, lastVisitedOn: 1 });
OverdueVisitSchema.index({ status: 1, 'area.provinceCode': 1, lastVisitedOn: 1 });

/**
 * Writes one part of a household's document where `guard` (the part's version) says it is older, creating the
 * document if there is none. When the other part's writer creates it first, the upsert collides on `_id` and the
 * update is made again on the document now there; when the part is newer already, nothing matches.
 */
export async function writePart(model: Model<OverdueVisit>, householdId: string, guard: object, update: UpdateQuery<OverdueVisit>): Promise<void> {
  const filter = { _id: householdId, ...guard };
  try {
    await model.updateOne(filter, update, { upsert: true });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    await model.updateOne(filter, update);
  }
}
