import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes } from 'mongoose';
import type { CentreArea } from '@khu-siao/contracts';
import type { Centre, CentreKind } from '@khu-siao/welfare-payments-domain';

/** One centre on the register, at the version of its stream it reflects: for listings by area and for access. */
@Schema({ collection: 'centres', versionKey: false, minimize: false })
export class CentreListing {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) name!: string;
  @Prop({ type: String, required: true }) kind!: CentreKind;
  @Prop({ type: String, required: true }) status!: Centre['status'];
  @Prop({ type: SchemaTypes.Mixed, required: true }) area!: CentreArea;
  @Prop({ required: true }) version!: number;
}

export const CentreListingSchema = SchemaFactory.createForClass(CentreListing);
CentreListingSchema.index({ 'area.districtCode': 1, _id: 1 }, { name: 'by_district' });
